import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PsplibFormatError, parsePsplib } from './psplib.ts';

// PSPLIB J30 instance j301_1 (Kolisch & Sprecher 1997), copied unchanged; see fixtures/SOURCE.md.
const text = fs.readFileSync(new URL('./fixtures/j301_1.sm', import.meta.url), 'utf8');

describe('parsePsplib', () => {
  it('reads jobs, durations, demands, precedence and capacities of a J30 file', () => {
    const p = parsePsplib(text);
    expect(p.resources).toEqual([
      { id: 'R1', capacity: 12 },
      { id: 'R2', capacity: 13 },
      { id: 'R3', capacity: 4 },
      { id: 'R4', capacity: 12 },
    ]);
    expect(p.tasks).toHaveLength(32);
    const byId = new Map(p.tasks.map((t) => [t.id, t]));
    expect(byId.get('1')).toEqual({ id: '1', duration: 0, demands: {}, predecessors: [] });
    expect(byId.get('2')).toEqual({ id: '2', duration: 8, demands: { R1: 4 }, predecessors: ['1'] });
    expect(byId.get('20')!.predecessors.sort()).toEqual(['11', '18', '5']);
    expect(byId.get('32')!.predecessors.sort()).toEqual(['29', '30', '31']);
    expect(byId.get('26')!.demands).toEqual({ R3: 4 });
  });

  it('rejects text without the PSPLIB sections', () => {
    expect(() => parsePsplib('hello')).toThrow(PsplibFormatError);
  });

  it('rejects a successor count that does not match the list', () => {
    const broken = text.replace(
      '   1        1          3           2   3   4',
      '   1        1          4           2   3   4',
    );
    expect(() => parsePsplib(broken)).toThrow(/job 1: expected 4 successors/);
  });

  it('rejects a missing capacity', () => {
    const broken = text.replace('   12   13    4   12', '   12   13    4');
    expect(() => parsePsplib(broken)).toThrow(/resource availabilities/);
  });

  it('rejects an unknown successor', () => {
    const broken = text.replace(
      '  29        1          1          32',
      '  29        1          1          99',
    );
    expect(() => parsePsplib(broken)).toThrow(/unknown successor 99/);
  });
});
