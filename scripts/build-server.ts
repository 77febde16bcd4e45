// Bundles the server and the CLI (src/cli/main.ts) into dist/server/ with esbuild, so that `closeloop`
// starts on Node's own loader instead of transpiling ~900 modules through tsx's loader thread and
// resolving ~2,000 package files at every start (docs/decisions/0022-server-bundle.md). Packages are
// bundled too, but for the few listed in KEEP_EXTERNAL. Code splitting keeps every `await import()` lazy,
// so a command loads only what it uses. bin/closeloop.js takes the bundle only while no input changed
// since it was built (inputs.json).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const serverOutdir = path.join(root, 'dist/server');

/**
 * Packages Node loads from node_modules: native addons, and packages that find their own files at run
 * time (worker scripts, font and data files, their package.json by `__dirname`), which a bundle would move.
 */
const KEEP_EXTERNAL = [
  'better-sqlite3',
  '@node-rs/argon2',
  'pg-native',
  'pino',
  'thread-stream',
  '@fastify/swagger',
  'pdfkit',
  'fontkit',
  'exceljs',
];

// CommonJS packages inside an ES module bundle: `require` of Node's built-ins goes through this one.
const banner =
  "import { createRequire as __closeloopRequire } from 'node:module';\nconst require = __closeloopRequire(import.meta.url);";

/**
 * `import.meta.url` and `import.meta.dirname` keep meaning the source file's own location (package.json,
 * fonts, the built web app are found relative to it), whichever chunk the code lands in.
 */
const sourceLocation: esbuild.Plugin = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      let contents = await fs.promises.readFile(args.path, 'utf8');
      if (contents.includes('import.meta.')) {
        contents = contents
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path));
      }
      return { contents, loader: 'ts' };
    });
  },
};

/** Builds the bundle into `outdir` (replacing what was there); returns the inputs it was built from. */
export async function buildServer(outdir = serverOutdir): Promise<string[]> {
  const staging = `${outdir}.staging-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  const builtAt = Date.now();
  const result = await esbuild.build({
    entryPoints: { closeloop: path.join(root, 'src/cli/main.ts') },
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: KEEP_EXTERNAL,
    banner: { js: banner },
    splitting: true,
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    // The maps name the files; their text is on disk. Keeps the maps small enough to read at start.
    sourcesContent: false,
    metafile: true,
    plugins: [sourceLocation],
    logLevel: 'warning',
  });
  // A bundled package that looks for its own files by `__dirname` would fail at run time, far from here.
  const stray = Object.entries(result.metafile.inputs)
    .filter(([file]) => file.startsWith('node_modules/'))
    .filter(([file]) => /\b__(dirname|filename)\b/.test(fs.readFileSync(path.join(root, file), 'utf8')))
    .map(([file]) => file);
  if (stray.length > 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `these bundled files use __dirname or __filename; add their package to KEEP_EXTERNAL:\n  ${stray.join('\n  ')}`,
    );
  }
  // `await import('<CommonJS package>')`, split into a chunk of its own, keeps only a default export (its
  // named exports vanish, as samlify's did): such packages are loaded with createRequire instead.
  const cjsChunks = Object.keys(result.metafile.outputs).filter(
    (file) =>
      file.endsWith('.mjs') &&
      /^export default require_\w+\(\);$/m.test(fs.readFileSync(path.join(root, file), 'utf8')),
  );
  if (cjsChunks.length > 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `a CommonJS package is loaded with import(); load it with createRequire (see src/reports/pdf.ts):\n  ${cjsChunks
        .map((file) => result.metafile.outputs[file]!.entryPoint ?? file)
        .join('\n  ')}`,
    );
  }
  // npm keeps the packages' own file times (1985), so an install shows in its lock file's time instead.
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/')),
    'package.json',
    'node_modules/.package-lock.json',
  ].sort();
  fs.writeFileSync(path.join(staging, 'inputs.json'), `${JSON.stringify({ builtAt, inputs })}\n`);
  // Swapped in whole: a CLI process starting during a build sees the old bundle or the new one, not half.
  const old = `${outdir}.old-${process.pid}`;
  if (fs.existsSync(outdir)) fs.renameSync(outdir, old);
  fs.renameSync(staging, outdir);
  fs.rmSync(old, { recursive: true, force: true });
  return inputs;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = Date.now();
  const inputs = await buildServer();
  console.log(
    `server bundle: ${inputs.length} modules → ${path.relative(root, serverOutdir)} in ${Date.now() - started} ms`,
  );
}
