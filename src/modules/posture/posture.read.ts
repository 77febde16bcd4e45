import { scorePosture } from '../../domain/posture/score.ts';
import type { OrgContext } from '../context.ts';
import { presentSnapshot } from './posture.history.ts';
import { loadPostureInput } from './posture.inputs.ts';
import * as repo from './posture.repository.ts';

// Read model for the management review (ISO/IEC 27001:2022 9.3.2 d 2, monitoring and measurement
// results): the scores now and the first figures recorded after the previous review, for the trend.

export async function scoresForReview(ctx: OrgContext, previousHeldOn: string | null) {
  const s = scorePosture((await loadPostureInput(ctx)).input);
  const [first] = await repo.snapshotsSince(ctx.db, ctx.organisation.id, previousHeldOn ?? '', 1);
  const then = first ? presentSnapshot(first) : null;
  return {
    model: s.model,
    readiness: s.readinessScore,
    implementation: s.implementationScore,
    since: then
      ? {
          on: then.recordedAt.slice(0, 10),
          readiness: then.readinessScore,
          implementation: then.implementationScore,
        }
      : null,
  };
}
