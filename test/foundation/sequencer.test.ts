import fs from 'node:fs';
import { expect, it } from 'vitest';
import { LONG_FIRST } from '../support/sequencer.ts';

// A renamed or split long file would silently fall back to Vitest's order and start last on CI.
it('every file the sequencer starts first exists and is a test file', () => {
  for (const file of LONG_FIRST) {
    expect(fs.existsSync(file), file).toBe(true);
    expect(file).toMatch(/\.test\.ts$/);
  }
});
