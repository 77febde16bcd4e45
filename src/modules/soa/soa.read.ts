import type { ImplementationStatus, InclusionReason } from '../../domain/isms/soa.ts';
import type { OrgContext } from '../context.ts';
import { controlsById, entryState } from './soa.presenter.ts';
import * as repo from './soa.repository.ts';
import { presentVersion } from './soa.service.ts';

// Read model for other capabilities (planner, posture score, certification cycle): the controls of the
// SoA in force — the latest approved version, else the draft of an organisation that has none yet.

export interface ControlInForce {
  controlId: string;
  applicable: boolean;
  status: ImplementationStatus;
  reasons: InclusionReason[];
  owner: string;
  /** Annex A's title, or the organisation's own title of another necessary control (6.1.3 b NOTE 1). */
  title: string;
  /** `annex_a` for a control of Annex A, `other` for one of the organisation's own. */
  source: 'annex_a' | 'other';
}

export async function controlsInForce(
  ctx: Pick<OrgContext, 'db' | 'organisation'>,
): Promise<{ version: number | null; approved: boolean; controls: ControlInForce[] }> {
  const v = await repo.currentVersion(ctx.db, ctx.organisation.id);
  if (!v) return { version: null, approved: false, controls: [] };
  const rows = await repo.listEntries(ctx.db, ctx.organisation.id, v.id);
  return {
    version: v.number,
    approved: v.status === 'approved',
    controls: rows.map((r) => {
      const s = entryState(r);
      const annex = controlsById.get(s.controlId);
      return {
        controlId: s.controlId,
        applicable: s.applicable,
        status: s.status,
        reasons: s.reasons,
        owner: s.owner,
        title: annex?.title ?? (r.title || s.controlId),
        source: annex ? ('annex_a' as const) : ('other' as const),
      };
    }),
  };
}

/**
 * The ids of the organisation's own controls listed in the SoA in force (6.1.3 b NOTE 1), applicable or
 * not: the requirement labels a finding may cite beside the clauses and Annex A controls.
 */
export async function ownControlIds(ctx: Pick<OrgContext, 'db' | 'organisation'>): Promise<Set<string>> {
  const { controls } = await controlsInForce(ctx);
  return new Set(controls.filter((c) => c.source === 'other').map((c) => c.controlId));
}

/** Only the applicable controls of the SoA in force, with their implementation status. */
export async function applicableControls(ctx: Pick<OrgContext, 'db' | 'organisation'>) {
  const { version, approved, controls } = await controlsInForce(ctx);
  return { version, approved, controls: controls.filter((c) => c.applicable) };
}

/**
 * The current version as the SoA pages show it, or null: for a use-case of another module that has already
 * authorised its own action (the trust page's SoA summary, served to visitors who may not read the SoA).
 */
export async function currentStatement(ctx: OrgContext) {
  const v = await repo.currentVersion(ctx.db, ctx.organisation.id);
  return v ? presentVersion(ctx, v) : null;
}
