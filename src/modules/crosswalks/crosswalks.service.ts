import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { invalid, notFound } from '../../contracts/errors.ts';
import type { crosswalk, Framework, overrideInput } from '../../contracts/isms-crosswalks.ts';
import { frameworkLabels } from '../../contracts/isms-crosswalks.ts';
import {
  coverage,
  effectiveMapping,
  type OpenClauseFinding,
  ownControlMappings,
  type SourceKind,
} from '../../domain/isms/crosswalk.ts';
import {
  annexAControls,
  clauses,
  nistCsf,
  nistMapping,
  soc2Criteria,
  soc2Mapping,
} from '../../reference/catalogue.ts';
import { isFinishedFinding } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { listFindingRows, requirementsOf } from '../findings/index.ts';
import { controlsInForce } from '../soa/index.ts';
import * as repo from './crosswalks.repository.ts';

// Coverage of SOC 2 and NIST CSF 2.0 by the ISMS: the shipped mapping (src/reference/PROVENANCE.md) with
// the organisation's corrections, scored from the SoA in force.

const annexTitles = new Map(annexAControls().map((c) => [c.id, c.title]));
const clauseTitles = new Map(clauses().map((c) => [c.id, c.title]));

const provenance: Record<Framework, { file: string; source: string; trust: string }> = {
  soc2: {
    file: 'mapping-iso27001-2022-soc2.json',
    source: 'CISO Assistant (intuitem) mapping, rolled up from point-of-focus level',
    trust: 'medium: editorial; nothing for CC5.1, CC5.2, PI1.x, P1–P8',
  },
  'nist-csf': {
    file: 'mapping-iso27001-2022-nist-csf-2.json',
    source: "derived from NIST's CSF 2.0 reference tool export",
    trust: 'medium: a starting point to correct; 26 Annex A controls unmapped',
  },
};

function targetsOf(f: Framework) {
  if (f === 'soc2') return soc2Criteria().map((c) => ({ id: c.id, title: c.title, group: c.seriesTitle }));
  const cats = new Map(nistCsf().categories.map((c) => [c.id, c.name]));
  return nistCsf().subcategories.map((s) => ({
    id: s.id,
    title: s.title,
    group: `${s.category} ${cats.get(s.category) ?? ''}`.trim(),
  }));
}

const shippedRows = (f: Framework) => (f === 'soc2' ? soc2Mapping() : nistMapping());

export async function showCrosswalk(
  input: { framework: Framework },
  ctx: OrgContext,
): Promise<z.infer<typeof crosswalk>> {
  authorize(ctx, 'crosswalk.read');
  const overrides = await repo.listOverrides(ctx.db, ctx.organisation.id, input.framework);
  const rows = effectiveMapping(
    shippedRows(input.framework),
    overrides.map((o) => ({
      from: o.from_id,
      fromKind: o.from_kind as SourceKind,
      to: o.to_id,
      relationship: o.relationship,
      reason: o.reason,
      by: o.created_by,
    })),
  );
  const soa = await controlsInForce(ctx);
  const states = new Map(soa.controls.map((c) => [c.controlId, c]));
  const own = soa.controls.filter((c) => c.source === 'other');
  // An own control's mapping is the organisation's statement; one for a control no longer in the SoA in
  // force is left out rather than scored as a gap.
  const scored = rows.filter((r) => r.fromKind !== 'own_control' || states.has(r.from));
  const open = await openClauseFindings(ctx);
  const result = coverage(targetsOf(input.framework), scored, states, open);
  const statusOf = (c: { applicable: boolean; status: string } | undefined) =>
    !c ? null : c.applicable ? c.status : 'excluded';
  const reasons = new Map(rows.map((r) => [`${r.fromKind}|${r.from}|${r.to}`, r.reason]));
  const counts = { covered: 0, partial: 0, gap: 0, unmapped: 0 };
  for (const t of result.targets) counts[t.level] += 1;
  return {
    framework: input.framework,
    title: frameworkLabels[input.framework],
    soaVersion: soa.version,
    soaApproved: soa.approved,
    percent: result.percent,
    counts,
    provenance: { ...provenance[input.framework], overrides: overrides.length },
    targets: result.targets.map((t) => ({
      ...t,
      sources: t.sources.map((s) => {
        const c = states.get(s.from);
        return {
          ...s,
          title:
            s.fromKind === 'own_control'
              ? (c?.title ?? s.from)
              : ((s.fromKind === 'annex_a' ? annexTitles : clauseTitles).get(s.from) ?? s.from),
          reason: reasons.get(`${s.fromKind}|${s.from}|${t.id}`) ?? null,
          soaStatus:
            s.fromKind === 'clause'
              ? s.score === 1
                ? 'ISMS requirement'
                : `open ${s.score === 0 ? 'major' : 'minor'} nonconformity`
              : statusOf(c),
        };
      }),
    })),
    gaps: result.gaps.map((g) => g.id),
    ownControls: ownControlMappings(
      own.map((c) => ({ id: c.controlId, title: c.title })),
      scored,
    ).map((m) => ({ ...m, soaStatus: statusOf(states.get(m.id)) ?? 'not in SoA' })),
  };
}

/** Open major and minor nonconformities citing a clause of 4–10 (not an Annex A control). */
async function openClauseFindings(ctx: OrgContext): Promise<OpenClauseFinding[]> {
  const { rows } = await listFindingRows(ctx.db, ctx.organisation.id, {}, { sort: 'ref', direction: 'asc' });
  return rows.flatMap((r) =>
    (r.grade === 'major' || r.grade === 'minor') && !isFinishedFinding(r.status)
      ? [{ grade: r.grade, requirements: requirementsOf(r).filter((q) => /^\d/.test(q.trim())) }]
      : [],
  );
}

export async function listOverrides(input: { framework: Framework }, ctx: OrgContext) {
  authorize(ctx, 'crosswalk.read');
  return (await repo.listOverrides(ctx.db, ctx.organisation.id, input.framework)).map((o) => ({
    id: o.id,
    from: o.from_id,
    fromKind: o.from_kind as SourceKind,
    to: o.to_id,
    relationship: o.relationship,
    reason: o.reason,
    createdBy: o.created_by,
    createdAt: o.created_at,
  }));
}

const kindLabel: Record<SourceKind, string> = {
  annex_a: 'Annex A control',
  clause: 'clause',
  own_control: 'own control of the SoA in force',
};

/**
 * The source of a correction must exist. An own control (6.1.3 b NOTE 1) has no shipped row to correct or
 * remove: the organisation states its mapping, which is kept and shown as the organisation's.
 */
async function checkSource(input: z.infer<typeof overrideInput>, ctx: OrgContext) {
  const known =
    input.fromKind === 'own_control'
      ? (await controlsInForce(ctx)).controls.some((c) => c.source === 'other' && c.controlId === input.from)
      : (input.fromKind === 'annex_a' ? annexTitles : clauseTitles).has(input.from);
  if (!known)
    throw invalid(`${input.from} is not a known ${kindLabel[input.fromKind]}`, [
      { path: 'body/from', message: 'unknown' },
    ]);
  if (input.fromKind === 'own_control' && input.relationship === null)
    throw invalid('an own control has no shipped mapping to remove; delete its mapping instead', [
      { path: 'body/relationship', message: 'required for an own control' },
    ]);
}

/** An admin's correction of one mapping row, kept beside the shipped data (never an edit of it). */
export async function saveOverride(
  input: z.infer<typeof overrideInput> & { framework: Framework },
  ctx: OrgContext,
) {
  authorize(ctx, 'crosswalk.manage');
  await checkSource(input, ctx);
  if (!targetsOf(input.framework).some((t) => t.id === input.to))
    throw invalid(`${input.to} is not in ${frameworkLabels[input.framework]}`, [
      { path: 'body/to', message: 'unknown' },
    ]);
  await inTransaction(ctx, async (tx) => {
    const row = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      framework: input.framework,
      from_kind: input.fromKind,
      from_id: input.from,
      to_id: input.to,
      relationship: input.relationship,
      reason: input.reason,
      created_by: tx.actor.label,
      created_at: tx.now().toISOString(),
    };
    await repo.replaceOverride(tx.db, row);
    await tx.audit({
      action: 'crosswalk.override',
      entityType: 'crosswalk_override',
      entityId: row.id,
      data: input,
    });
  });
  return listOverrides(input, ctx);
}

export async function removeOverride(input: { framework: Framework; id: string }, ctx: OrgContext) {
  authorize(ctx, 'crosswalk.manage');
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.deleteOverride(tx.db, tx.organisation.id, input.framework, input.id)))
      throw notFound(`mapping correction ${input.id}`);
    await tx.audit({
      action: 'crosswalk.override.remove',
      entityType: 'crosswalk_override',
      entityId: input.id,
      data: input,
    });
  });
}
