import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

// `npm test`: the whole suite, as CI runs it (issue #15). Lint and the build first, one after the other
// (nothing else is worth running if they fail, and the browser tests and Vitest's process tests both run
// the bundle the build makes); then the type check, Vitest and the browser tests side by side. Run one
// after the other they left a core idle a quarter of the time (Vitest waits on PostgreSQL and on the
// processes it starts, the browser tests on Chromium), so side by side the suite takes the time of its
// work rather than the sum of its waits. Every part's lines are prefixed with its name; a failed part fails
// the run after the others finish, so one run shows every failure. The parts stay runnable alone:
// `npm run lint`, `npm run typecheck`, `npm run test:unit`, `npm run test:e2e`.

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

interface Part {
  name: string;
  command: string;
  args: string[];
}

const lint: Part = { name: 'lint', command: 'npm', args: ['run', '--silent', 'lint'] };
const build: Part = { name: 'build', command: 'npm', args: ['run', '--silent', 'build'] };
const sideBySide: Part[] = [
  // At a lower priority: the type check has no time limit and is the shortest part, so it takes the cores
  // the tests leave idle (waiting on PostgreSQL, on processes, on Chromium) rather than slowing them.
  { name: 'types', command: 'nice', args: ['-n', '10', bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'unit', command: bin('vitest'), args: ['run'] },
  { name: 'e2e', command: bin('playwright'), args: ['test', '-c', 'e2e/playwright.config.ts'] },
];

const width = Math.max(...[lint, build, ...sideBySide].map((p) => p.name.length));
const running = new Set<ChildProcess>();

function prefixed(name: string, stream: NodeJS.ReadableStream, out: NodeJS.WritableStream) {
  let rest = '';
  const label = `${name.padEnd(width)} │ `;
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`${label}${line}\n`);
  });
  stream.on('end', () => {
    if (rest) out.write(`${label}${rest}\n`);
  });
}

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
}

function run(part: Part): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(part.command, part.args, {
      cwd: root,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    prefixed(part.name, child.stdout!, process.stdout);
    prefixed(part.name, child.stderr!, process.stderr);
    const done = (ok: boolean) => {
      running.delete(child);
      resolve({ name: part.name, ok, seconds: Math.round((Date.now() - started) / 1000) });
    };
    child.on('error', (err) => {
      process.stderr.write(`${part.name.padEnd(width)} │ could not start ${part.command}: ${err.message}\n`);
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}

// Stopped from outside (Ctrl-C, CI's timeout): the parts stop too, none is left holding a port.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    for (const child of running) child.kill(signal);
    process.exit(130);
  });

const started = Date.now();
const outcomes: Outcome[] = [];
for (const part of [lint, build]) {
  const outcome = await run(part);
  outcomes.push(outcome);
  if (!outcome.ok) break;
}
if (outcomes.every((o) => o.ok)) outcomes.push(...(await Promise.all(sideBySide.map(run))));

const total = Math.round((Date.now() - started) / 1000);
console.log(
  `\nnpm test: ${outcomes.map((o) => `${o.name} ${o.ok ? 'passed' : 'FAILED'} in ${o.seconds} s`).join(' · ')}` +
    ` · ${total} s in all`,
);
const failed = outcomes.filter((o) => !o.ok).map((o) => o.name);
const skipped = [lint, build, ...sideBySide].length - outcomes.length;
if (failed.length > 0 || skipped > 0) {
  console.error(`npm test failed: ${failed.join(', ')}${skipped > 0 ? ` (${skipped} parts not run)` : ''}`);
  process.exit(1);
}
