// Parser for PSPLIB single-mode `.sm` files (Kolisch & Sprecher 1997). Pure: text in, problem out.
// Jobs become tasks with their job number as id; resources are named R1..Rk as in the file's headings.
import type { Problem, Task } from './model.ts';

export class PsplibFormatError extends Error {
  override name = 'PsplibFormatError';
}

const ints = (line: string) => line.trim().split(/\s+/).filter(Boolean).map(Number);

/** Lines of the section whose heading starts with `title`, up to the next row of asterisks. */
function section(lines: string[], title: string): string[] {
  const at = lines.findIndex((l) => l.trim().toUpperCase().startsWith(title));
  if (at < 0) throw new PsplibFormatError(`PSPLIB: section "${title}" not found`);
  const out: string[] = [];
  for (let i = at + 1; i < lines.length && !/^\s*\*{5,}/.test(lines[i]!); i++) {
    if (lines[i]!.trim() !== '') out.push(lines[i]!);
  }
  return out;
}

function numericRow(line: string, context: string): number[] {
  const row = ints(line);
  if (row.some((x) => !Number.isInteger(x)))
    throw new PsplibFormatError(`PSPLIB ${context}: bad row "${line.trim()}"`);
  return row;
}

export function parsePsplib(text: string): Problem {
  const lines = text.split(/\r?\n/);
  const [precHeading, ...precRows] = section(lines, 'PRECEDENCE RELATIONS');
  if (!precHeading?.toLowerCase().includes('jobnr'))
    throw new PsplibFormatError('PSPLIB: precedence headings missing');
  const successors = new Map<number, number[]>();
  for (const line of precRows) {
    const [job, modes, count, ...succ] = numericRow(line, 'precedence relations');
    if (job === undefined || count === undefined || succ.length !== count) {
      throw new PsplibFormatError(`PSPLIB precedence relations: job ${job}: expected ${count} successors`);
    }
    if (modes !== 1)
      throw new PsplibFormatError(`PSPLIB: job ${job} has ${modes} modes; only single-mode is supported`);
    successors.set(job, succ);
  }
  const reqLines = section(lines, 'REQUESTS/DURATIONS');
  const headings = reqLines[0] ?? '';
  const resourceNames = [...headings.matchAll(/\b([RN])\s*(\d+)/g)].map((m) => `${m[1]}${m[2]}`);
  const renewable = resourceNames.filter((r) => r.startsWith('R'));
  if (renewable.length !== resourceNames.length) {
    throw new PsplibFormatError('PSPLIB: non-renewable resources are not supported');
  }
  const tasks: Task[] = [];
  for (const line of reqLines.slice(1)) {
    if (/^\s*-{5,}/.test(line)) continue;
    const [job, , duration, ...req] = numericRow(line, 'requests/durations');
    if (job === undefined || duration === undefined || req.length !== renewable.length) {
      throw new PsplibFormatError(
        `PSPLIB requests/durations: job ${job}: expected ${renewable.length} demands`,
      );
    }
    const demands: Record<string, number> = {};
    req.forEach((q, r) => {
      if (q > 0) demands[renewable[r]!] = q;
    });
    tasks.push({ id: String(job), duration, demands, predecessors: [] });
  }
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const [job, succ] of successors) {
    if (!byId.has(String(job))) throw new PsplibFormatError(`PSPLIB: job ${job} has no duration row`);
    for (const s of succ) {
      const t = byId.get(String(s));
      if (!t) throw new PsplibFormatError(`PSPLIB: job ${job} lists unknown successor ${s}`);
      t.predecessors.push(String(job));
    }
  }
  const avail = section(lines, 'RESOURCEAVAILABILITIES');
  const caps = avail[1] === undefined ? [] : numericRow(avail[1], 'resource availabilities');
  if (caps.length !== renewable.length) {
    throw new PsplibFormatError(`PSPLIB: expected ${renewable.length} resource availabilities`);
  }
  return { resources: renewable.map((id, r) => ({ id, capacity: caps[r]! })), tasks };
}
