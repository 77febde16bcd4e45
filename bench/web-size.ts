import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// Section (h) of `npm run bench`: the JavaScript each page downloads before its first paint (issue #16),
// from the build's manifest: the entry chunk with its static imports, plus the page's own lazy chunk with
// its static imports. Raw, gzip and brotli bytes (the server sends the precompressed siblings).

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface PageSize {
  page: string;
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

const pages: [string, string | null][] = [
  ['sign-in', 'src/features/account/SignInPage.tsx'],
  ['app shell (signed in)', null],
  ['first-run setup', 'src/features/account/SetupPage.tsx'],
  ['public trust page', 'src/features/trust/TrustPublicPage.tsx'],
  ['dashboard (signed in)', 'src/features/posture/DashboardPage.tsx'],
  ['findings (signed in)', 'src/features/findings/CorrectiveActionLogPage.tsx'],
];
// A signed-in page also loads the frame around it: the session layout and the shell (router.tsx,
// OrganisationLayout.tsx); a build from before the layout had its own chunk simply has no such entry.
const SIGNED_IN = ['src/components/OrganisationLayout.tsx', 'src/components/Shell.tsx'];

export function measureWebPages(dist = path.resolve(import.meta.dirname, '../web/dist')): PageSize[] | null {
  const manifestFile = path.join(dist, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) return null;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const closure = (keys: string[], into = new Set<string>()) => {
    for (const k of keys) {
      const c = manifest[k];
      if (!c || into.has(k)) continue;
      into.add(k);
      closure(c.imports ?? [], into);
    }
    return into;
  };
  const entry = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  const size = (file: string) => {
    const raw = fs.readFileSync(path.join(dist, file));
    return {
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw).length,
    };
  };
  return pages.map(([page, src]) => {
    const roots = [...entry, ...(src ? [src] : []), ...(page.includes('signed in') ? SIGNED_IN : [])];
    const files = [...closure(roots)].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
    const sum = files.map(size).reduce((a, b) => ({
      raw: a.raw + b.raw,
      gzip: a.gzip + b.gzip,
      brotli: a.brotli + b.brotli,
    }));
    return { page, files: files.length, ...sum };
  });
}

export function printWebPages() {
  console.log(
    '\n(h) web app: JavaScript before first paint (goal: sign-in and public trust page ≤ 150 KB compressed)',
  );
  const sizes = measureWebPages();
  if (!sizes) {
    console.log('  web/dist has no manifest: run `npm run build` first');
    return;
  }
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const s of sizes)
    console.log(
      `  ${s.page.padEnd(24)} ${String(s.files).padStart(3)} files  raw ${kb(s.raw).padStart(9)}  gzip ${kb(s.gzip).padStart(8)}  brotli ${kb(s.brotli).padStart(8)}`,
    );
}
