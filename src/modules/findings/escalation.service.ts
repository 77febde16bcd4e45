import {
  dedupe,
  defaultEscalationSettings,
  type EscalationFlag,
  MAX_RELATED,
  notEffectiveFlag,
  repeatFlag,
  systemicFlag,
} from '../../domain/findings/escalation.ts';
import { isFinishedFinding, isNonconformity } from '../../vocabulary/index.ts';
import type { OrgContext } from '../context.ts';
import { organisationSettings } from '../organisations/index.ts';
import { notEffectiveOnFor } from './effectiveness.read.ts';
import * as repo from './escalation.repository.ts';

// Escalation warnings for the findings a page shows, never for the whole organisation (issue #16): three
// indexed queries whatever the organisation's size, each bounded by the page. The rules and the wording
// are src/domain/findings/escalation.ts (`escalationFlags` is the whole-list reference they agree with).

export interface EscalationSubject {
  id: string;
  ref: string;
  grade: string;
  status: string;
  requirements_json: string;
  area: string;
  audit_id: string;
  audit_cycle: string;
}

const cycleOf = (f: EscalationSubject) => f.audit_cycle || f.audit_id;
const areaKey = (area: string) => area.trim().toLowerCase();
const groupKey = (key: string, cycle: string) => `${cycle}\u0000${key}`;

export async function escalationFor(
  ctx: OrgContext,
  page: readonly EscalationSubject[],
): Promise<Map<string, EscalationFlag[]>> {
  const flags = new Map<string, EscalationFlag[]>();
  if (page.length === 0) return flags;
  const org = ctx.organisation.id;
  const settings = await organisationSettings(ctx.db, org, ctx.organisation);
  const threshold = Number(
    (settings as { systemicMinorThreshold?: number }).systemicMinorThreshold ??
      defaultEscalationSettings.systemicMinorThreshold,
  );
  const reqs = new Map(page.map((f) => [f.id, JSON.parse(f.requirements_json) as string[]]));
  const minors = page.filter((f) => f.grade === 'minor' && !isFinishedFinding(f.status));
  const cycles = [...new Set(minors.map(cycleOf))];
  const take = MAX_RELATED + 1; // one more than shown: the finding itself may be among the first
  const grouped = (rows: repo.GroupMember[]) => {
    const groups = new Map<string, repo.GroupMember[]>();
    for (const r of rows) {
      const k = groupKey(r.key, r.cycle);
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    return groups;
  };
  const byReq = grouped(
    await repo.requirementGroups(
      ctx.db,
      org,
      [...new Set(minors.flatMap((f) => reqs.get(f.id)!))],
      cycles,
      take,
    ),
  );
  const byArea = grouped(
    await repo.areaGroups(
      ctx.db,
      org,
      [...new Set(minors.map((f) => areaKey(f.area)).filter(Boolean))],
      cycles,
      take,
    ),
  );
  const repeats = new Map<string, repo.RepeatRow[]>();
  const ncs = page.filter((f) => isNonconformity(f.grade)).map((f) => f.id);
  for (const r of await repo.earlierResolved(ctx.db, org, ncs, MAX_RELATED))
    repeats.set(r.findingId, [...(repeats.get(r.findingId) ?? []), r]);

  const notEffective = await notEffectiveOnFor(
    ctx,
    page.filter((f) => f.status !== 'closed').map((f) => f.id),
  );

  for (const f of page) {
    const list: EscalationFlag[] = [];
    const systemic = (group: repo.GroupMember[] | undefined, label: (g: repo.GroupMember) => string) => {
      const first = group?.[0];
      if (!first || first.members < threshold) return;
      const others = group.filter((g) => g.id !== f.id).map((g) => g.ref);
      list.push(systemicFlag(label(first), first.members, f.ref, others));
    };
    if (minors.includes(f)) {
      for (const r of reqs.get(f.id)!) systemic(byReq.get(groupKey(r, cycleOf(f))), () => `requirement ${r}`);
      if (areaKey(f.area))
        systemic(byArea.get(groupKey(areaKey(f.area), cycleOf(f))), (g) => `the process "${g.area.trim()}"`);
    }
    const earlier = repeats.get(f.id);
    if (earlier?.[0])
      list.push(
        repeatFlag(
          earlier[0].earlier,
          earlier.map((e) => e.ref),
        ),
      );
    // Clause 10.2 b: flagged until closed again after a new cause analysis.
    if (notEffective.has(f.id)) list.push(notEffectiveFlag(notEffective.get(f.id) ?? ''));
    if (list.length > 0) flags.set(f.id, list);
  }
  return dedupe(flags);
}
