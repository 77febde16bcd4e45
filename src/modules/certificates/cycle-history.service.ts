import type { z } from 'zod';
import type {
  recertificationReadiness as readinessSchema,
  readinessSection,
  timelineEntry,
} from '../../contracts/certification.ts';
import { type CycleEvent, cycleCalendar } from '../../domain/certification/calendar.ts';
import { isFinishedFinding, isNonconformity } from '../../vocabulary/index.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { programmeBetween } from '../internal-audits/index.ts';
import * as repo from './certificates.repository.ts';
import { showCertificate } from './certificates.service.ts';

type Certificate = Awaited<ReturnType<typeof showCertificate>>;
type Section = z.infer<typeof readinessSection>;

const calendarOfCertificate = (c: Certificate): CycleEvent[] =>
  cycleCalendar({
    certificate: { number: c.number, issuedOn: c.issuedOn, expiresOn: c.expiresOn },
    audits: c.audits.map((a) => ({
      ...a,
      tasks: a.tasks.map((t) => ({ key: t.key, title: t.title, dueOn: t.dueOn, doneOn: t.doneOn })),
    })),
  });

export async function certificateCalendar(input: { certificateId: string }, ctx: OrgContext) {
  authorize(ctx, 'certificate.read');
  return calendarOfCertificate(await showCertificate(input, ctx));
}

/**
 * The calendar of every certificate still in force (valid or suspended), in date order. The planner's
 * ICS feed includes these events; a withdrawn or expired certificate has no cycle left to plan.
 */
export async function certificationCalendar(_input: Record<string, never>, ctx: OrgContext) {
  authorize(ctx, 'certificate.read');
  const events: CycleEvent[] = [];
  for (const row of await repo.allCertificates(ctx.db, ctx.organisation.id)) {
    const c = await showCertificate({ certificateId: row.id }, ctx);
    if (c.status === 'valid' || c.status === 'suspended') events.push(...calendarOfCertificate(c));
  }
  return events.sort((x, y) => x.date.localeCompare(y.date));
}

/** The organisation's certification history: certificates, external and internal audits, newest first. */
export async function certificationTimeline(
  _input: Record<string, never>,
  ctx: OrgContext,
): Promise<z.infer<typeof timelineEntry>[]> {
  authorize(ctx, 'certificate.read');
  const today = ctx.now().toISOString().slice(0, 10);
  const out: z.infer<typeof timelineEntry>[] = [];
  for (const c of await repo.allCertificates(ctx.db, ctx.organisation.id)) {
    out.push({
      date: c.issued_on,
      kind: 'certificate_issued',
      title: `Certificate ${c.number} issued by ${c.certification_body}`,
      detail: `${c.standard}:${c.edition}${c.scope ? ` — ${c.scope}` : ''}`,
      certificateNumber: c.number,
      auditRef: null,
    });
    if (c.expires_on <= today || c.status === 'valid')
      out.push({
        date: c.expires_on,
        kind: 'certificate_expires',
        title: `Certificate ${c.number} ${c.expires_on <= today ? 'expired' : 'expires'}`,
        detail:
          c.status === 'valid' ? '' : `status ${c.status}${c.status_reason ? `: ${c.status_reason}` : ''}`,
        certificateNumber: c.number,
        auditRef: null,
      });
  }
  const audits = await repo.auditsForTimeline(ctx.db, ctx.organisation.id);
  for (const a of audits) {
    const date = a.starts_on ?? a.report_received_on ?? a.created_at.slice(0, 10);
    const internal = a.type === 'internal';
    out.push({
      date,
      kind: internal ? 'internal_audit' : 'external_audit',
      title: `${a.type.replaceAll('_', ' ')} audit ${a.ref}${date > today ? ' (planned)' : ''}`,
      detail: internal ? '' : a.certification_body,
      certificateNumber: a.cycle || null,
      auditRef: a.ref,
    });
  }
  return out.sort((x, y) => y.date.localeCompare(x.date) || x.title.localeCompare(y.title));
}

/**
 * Extension point: what changed in the ISMS since `since` (SoA versions, scope, new risks). The SoA and
 * the risk register are not part of closeloop yet, so the section says so instead of inventing data.
 */
async function ismsChangesSince(_ctx: OrgContext, since: string): Promise<Section> {
  return {
    key: 'isms_changes',
    title: `Changes to the ISMS since ${since} (SoA versions, scope, new risks)`,
    available: false,
    items: [],
  };
}

/** What the certification body will look at in the recertification audit (17021-1 9.6.3). */
export async function recertificationReadiness(
  input: { certificateId: string },
  ctx: OrgContext,
): Promise<z.infer<typeof readinessSchema>> {
  authorize(ctx, 'certificate.read');
  const c = await showCertificate(input, ctx);
  const today = ctx.now().toISOString().slice(0, 10);
  const held = c.audits.filter((a) => a.plannedOn <= today).at(-1);
  const since = held?.plannedOn ?? c.issuedOn;
  const recert = c.audits.find((a) => a.type === 'recertification') ?? null;
  const findings = await repo.findingsForReadiness(ctx.db, ctx.organisation.id);
  const open = findings.filter((f) => isNonconformity(f.grade) && !isFinishedFinding(f.status));
  const ofis = findings.filter((f) => f.grade === 'ofi');
  const programme = await programmeBetween(ctx, { from: c.issuedOn, to: c.expiresOn });
  // A finding dates from its audit (report received, else audit start), not from when it was typed in.
  const raisedOn = (f: (typeof findings)[number]) =>
    f.report_received_on ?? f.starts_on ?? f.created_at.slice(0, 10);
  const raisedSince = findings.filter((f) => raisedOn(f) > since);
  const sections: Section[] = [
    {
      key: 'open_findings',
      title: 'Nonconformities still open',
      available: true,
      items: open.map((f) => ({
        label: `${f.audit_ref}/${f.ref}`,
        detail: `${f.grade}, ${f.status.replaceAll('_', ' ')}${f.close_by_on ? `, close by ${f.close_by_on}` : ''}`,
      })),
    },
    {
      key: 'ofis',
      title: 'Opportunities for improvement from earlier audits and what became of them',
      available: true,
      items: ofis.map((f) => ({
        label: `${f.audit_ref}/${f.ref}`,
        detail: f.status === 'declined' ? `declined: ${f.ofi_reason ?? ''}` : f.status.replaceAll('_', ' '),
      })),
    },
    {
      key: 'coverage_gaps',
      title: `Internal audit coverage gaps in this cycle (${programme.covered} of ${programme.total} covered)`,
      available: true,
      items: programme.gaps.map((g) => ({ label: g.ref, detail: g.title })),
    },
    {
      key: 'findings_since',
      title: `Findings raised since ${since}`,
      available: true,
      items: raisedSince.map((f) => ({
        label: `${f.audit_ref}/${f.ref}`,
        detail: `${f.grade} (${f.type.replaceAll('_', ' ')} audit), ${f.status.replaceAll('_', ' ')}`,
      })),
    },
    await ismsChangesSince(ctx, since),
  ];
  return {
    certificateNumber: c.number,
    since,
    sinceAudit: held?.auditRef ?? null,
    recertificationOn: recert?.plannedOn ?? null,
    openFindings: open.length,
    coveragePercent: programme.percent,
    sections,
  };
}

/**
 * The internal audit programme over the current certification cycle (clause 9.2): a window not given
 * defaults to the valid certificate's issue and expiry dates (internal-audits falls back to the last three
 * years when there is no certificate).
 */
export async function programmeOverCycle(
  input: { from?: string | undefined; to?: string | undefined },
  ctx: OrgContext,
) {
  authorize(ctx, 'internal_audit.read');
  const today = ctx.now().toISOString().slice(0, 10);
  const current = await repo.currentCertificate(ctx.db, ctx.organisation.id, today);
  return programmeBetween(ctx, {
    from: input.from ?? current?.issued_on,
    to: input.to ?? current?.expires_on,
  });
}
