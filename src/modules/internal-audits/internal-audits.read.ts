import { addYears } from '../../domain/calendar/iso-date.ts';
import { programmeCoverage } from '../../domain/certification/programme.ts';
import type { OrgContext } from '../context.ts';
import { presentSummary } from './internal-audits.presenter.ts';
import * as repo from './internal-audits.repository.ts';

// Read model for other capabilities (the certificates module's cycle views, recertification readiness):
// the internal audit programme (ISO 27001 9.2) over a window, read inside a use-case that has already
// authorised its own action.

/**
 * The programme over a window of the certification cycle: coverage of every clause 4–10 requirement and
 * every applicable control between `from` (else three years back) and `to` (else today), with the planned
 * internal audits. The certificates module supplies the current certificate's window
 * (`programmeOverCycle`), which the programme route uses.
 */
export async function programmeBetween(
  ctx: Pick<OrgContext, 'db' | 'organisation' | 'now'>,
  window: { from?: string | undefined; to?: string | undefined },
) {
  const today = ctx.now().toISOString().slice(0, 10);
  const from = window.from ?? addYears(today, -3);
  const to = window.to ?? today;
  const requirements = await repo.programmeRequirements(ctx.db, ctx.organisation.id);
  const recorded = (await repo.recordedChecks(ctx.db, ctx.organisation.id)).map((c) => ({
    requirement: c.requirement,
    auditedOn: c.checked_on ?? '',
    result: c.result as 'conform',
  }));
  const coverage = programmeCoverage(requirements, recorded, { from, to });
  const audits = await repo.listInternalAudits(ctx.db, ctx.organisation.id);
  const checks = await repo.checksOf(
    ctx.db,
    ctx.organisation.id,
    audits.map((a) => a.audit_id),
  );
  return {
    ...coverage,
    basis: `clauses 4–10 and ${repo.APPLICABILITY_BASIS}`,
    audits: audits.map((a) => presentSummary(a, checks)),
  };
}
