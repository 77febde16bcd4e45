import { randomUUID } from 'node:crypto';
import type { DatabaseKind, Db } from '../../db/connection.ts';
import type { PostureSnapshotTable } from '../../db/schema-posture.ts';
import { scorePosture } from '../../domain/posture/score.ts';
import { authorize } from '../authorize.ts';
import { type AppEnv, makeContext, type OrganisationRef, type OrgContext } from '../context.ts';
import { loadPostureInput } from './posture.inputs.ts';
import * as repo from './posture.repository.ts';

// The trend: figures recorded on each change that moves them and once a day, with the model version, so
// that executives see the same history whoever looked at the dashboard and when.

export type SnapshotTrigger = 'change' | 'daily' | 'replay';

export const presentSnapshot = (r: PostureSnapshotTable) => ({
  recordedAt: r.recorded_at,
  model: r.model_version,
  trigger: r.trigger as SnapshotTrigger,
  // `alignment` holds the readiness score; `implementation` the implementation score (0–100; rows of
  // models /1–/2 carried over from their 0–950 posture by migration 0018).
  readinessScore: Number(r.alignment),
  implementationScore: r.implementation === null ? Number(r.posture) / 9.5 : Number(r.implementation),
  openFindings: Number(r.open_findings),
});

export async function postureHistory(input: { days: number }, ctx: OrgContext) {
  authorize(ctx, 'posture.read');
  const since = new Date(ctx.now().getTime() - input.days * 86_400_000).toISOString();
  return { points: (await repo.snapshotsSince(ctx.db, ctx.organisation.id, since)).map(presentSnapshot) };
}

/**
 * Records the current figures. A `change` that leaves them as they were is not recorded (most changes —
 * a comment, a member invited — do not move the scores); `daily` always is, once a day.
 */
type Scores = ReturnType<typeof scorePosture>;

function snapshotRow(ctx: OrgContext, at: Date, trigger: SnapshotTrigger, s: Scores) {
  return {
    id: randomUUID(),
    organisation_id: ctx.organisation.id,
    recorded_at: at.toISOString(),
    recorded_on: at.toISOString().slice(0, 10),
    model_version: s.model,
    trigger,
    alignment: s.readinessScore,
    implementation: s.implementationScore,
    // The 0–950 column of models /1–/2 is no longer written with a meaning: kept NOT NULL as 0.
    posture: 0,
    open_findings: s.openFindings,
    areas_json: JSON.stringify(
      Object.fromEntries([...s.byClause, ...s.byTheme].map((a) => [a.key, a.score])),
    ),
  };
}

export async function recordSnapshot(ctx: OrgContext, trigger: SnapshotTrigger, at = ctx.now()) {
  authorize(ctx, 'posture.record');
  const s = scorePosture((await loadPostureInput(ctx)).input);
  if (trigger === 'change') {
    const last = await repo.latestSnapshot(ctx.db, ctx.organisation.id);
    if (
      last &&
      last.model_version === s.model &&
      Number(last.alignment) === s.readinessScore &&
      Number(last.implementation) === s.implementationScore &&
      Number(last.open_findings) === s.openFindings
    )
      return false;
  }
  await repo.insertSnapshot(ctx.db, snapshotRow(ctx, at, trigger, s));
  return true;
}

/**
 * Registered with `onCommittedChange`: marks the organisation for the background refresh (one upsert), so
 * a write's latency does not grow with the organisation (issue #16). A public visitor's action (a trust
 * page NDA click) or a calendar feed never moves the figures and marks nothing.
 */
export async function markChanged(ctx: OrgContext) {
  if (ctx.access.kind === 'visitor' || ctx.access.kind === 'feed') return;
  await repo.markDirty(ctx.db, ctx.organisation.id, ctx.now().toISOString());
}

/** At most one `change` snapshot per organisation per this period, however many changes it coalesces. */
export const REFRESH_PERIOD_MS = 60_000;

/**
 * The job behind the trend's `change` points: every organisation marked since its last refresh, and not
 * refreshed in the last minute, gets its figures recorded when they moved. A failure is logged for that
 * organisation and the others go on.
 */
export async function refreshChangedPostures(deps: {
  db: Db;
  kind: DatabaseKind;
  env: AppEnv;
  now: () => Date;
  log: { error(obj: object, msg: string): void };
}) {
  const now = deps.now();
  const due = await repo.claimDirty(
    deps.db,
    now.toISOString(),
    new Date(now.getTime() - REFRESH_PERIOD_MS).toISOString(),
    100,
  );
  let recorded = 0;
  for (const org of due) {
    try {
      if (await recordSnapshot(makeContext({ kind: 'system' }, org, deps), 'change')) recorded++;
    } catch (err) {
      deps.log.error({ err, organisation: org.slug }, 'posture snapshot not recorded');
    }
  }
  return { refreshed: due.length, recorded };
}

/** Once a day per organisation (the server runs it with the reminders; `closeloop posture --record`). */
export async function recordDailySnapshots(deps: {
  db: Db;
  kind: DatabaseKind;
  env: AppEnv;
  now: () => Date;
}) {
  let recorded = 0;
  for (const org of await repo.allOrganisationIds(deps.db))
    if (await recordDailySnapshotFor(deps, org)) recorded++;
  return { recorded };
}

/** One organisation's point of the day, unless it has one (the `posture-daily-snapshots` job, per organisation). */
export async function recordDailySnapshotFor(
  deps: { db: Db; kind: DatabaseKind; env: AppEnv; now: () => Date },
  org: OrganisationRef,
): Promise<boolean> {
  const today = deps.now().toISOString().slice(0, 10);
  if (await repo.hasSnapshotOn(deps.db, org.id, today)) return false;
  return Boolean(await recordSnapshot(makeContext({ kind: 'system' }, org, deps), 'daily'));
}

/**
 * Replaces the organisation's trend with replayed points (the demo, whose changes all happen within a
 * second, shows instead the weeks since its stage 2 report). Each point is marked `replay`, never passed
 * off as a recorded change.
 */
export async function replayHistory(ctx: OrgContext, points: readonly { at: Date; scores: Scores }[]) {
  authorize(ctx, 'posture.record');
  await repo.deleteSnapshots(ctx.db, ctx.organisation.id);
  for (const { at, scores } of points)
    await repo.insertSnapshot(ctx.db, snapshotRow(ctx, at, 'replay', scores));
}
