import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

// The suite's wall time on CI's two cores is set by its longest files: a clean clone has no timing cache,
// and Vitest's default order (unknown, then larger files first) would start the two crash loops — tiny
// files, each over a minute — last, leaving one worker idle at the end. The genuinely long files, the ones
// that carry their own timeout, start first, longest first (file times of a run on two cores, Vitest's
// part of `npm test`: 44 s down to 6 s); the rest keep Vitest's order.
export const LONG_FIRST = [
  'test/findings/import-streaming.test.ts',
  'test/scaleout/large-organisation.test.ts',
  'test/scaleout/three-instances.test.ts',
  'test/foundation/vocabulary-exhaustive.test.ts',
  'test/hardening/fuzz.test.ts',
  'test/scaleout/streamed-upload.test.ts',
  'test/hardening/crash-durability.postgres.test.ts',
  'test/hardening/crash-durability.sqlite.test.ts',
  'test/foundation/cli-smoke.test.ts',
  'test/hardening/resource-bounds.test.ts',
  'test/foundation/tenancy-and-policy.test.ts',
];

const rank = (spec: TestSpecification) => {
  const i = LONG_FIRST.findIndex((p) => spec.moduleId.replaceAll('\\', '/').endsWith(p));
  return i < 0 ? LONG_FIRST.length : i;
};

export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const ordered = await super.sort(files);
    // Array.prototype.sort is stable: files outside the list keep Vitest's order.
    return ordered.sort((a, b) => rank(a) - rank(b));
  }
}
