import { createAudit } from '../modules/audits/index.ts';
import type { OrgContext } from '../modules/context.ts';
import { addAction, addAmendment, updateAction, updateRecord } from '../modules/corrective-actions/index.ts';
import { attachEvidence } from '../modules/evidence/index.ts';
import { addComment, planEffectivenessReview, transitionFinding } from '../modules/finding-workflow/index.ts';
import { createFinding } from '../modules/findings/index.ts';
import type { ContentStore } from '../storage/content-store.ts';
import { bufferContent } from '../storage/file-content.ts';
import { demoFindings } from './findings-data.ts';
import type { DemoFinding } from './findings-model.ts';
import { asDemoPerson } from './foundation.ts';

type Ctx = OrgContext & { store: ContentStore; maxBytes: number };

/**
 * The stage 2 audit of the demo organisation: two majors, five minors and three OFIs at various
 * states, each moved by the person whose role does it, so the trail and timelines read true.
 */
export async function seedFindings(base: OrgContext, store: ContentStore) {
  const as = async (email: string): Promise<Ctx> => ({
    ...(await asDemoPerson(base, email)),
    store,
    maxBytes: 25 * 1024 * 1024,
  });
  const isabel = await as('isabel.martin@demo.example');
  const today = base.now().toISOString().slice(0, 10);
  const received = new Date(Date.parse(`${today}T00:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10);
  await createAudit(
    {
      ref: 'S2-2026',
      type: 'stage2',
      certificationBody: 'Certa Assurance Ltd',
      leadAuditor: 'Claire Dubois',
      startsOn: received,
      endsOn: received,
      scope:
        'Design, development, hosting and support of the Northwind cloud platform from the London and Lyon offices.',
      reportReceivedOn: received,
      recommendation: 'recommended_upon_action_plan',
      policyKey: 'fast-14-30-60',
    },
    isabel,
  );
  for (const d of demoFindings) await seedOne(d, as, isabel, today);
}

async function seedOne(d: DemoFinding, as: (email: string) => Promise<Ctx>, isabel: Ctx, today: string) {
  const inDays = (n: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const f = await createFinding({ ...d.finding, auditRef: 'S2-2026' }, isabel);
  const owner = await as(d.finding.ownerEmail ?? 'isabel.martin@demo.example');
  const step = async (
    who: Ctx,
    action: string,
    extra: { comment?: string; decisionDate?: string; note?: string } = {},
  ) => transitionFinding({ findingId: f.id, action, ...extra }, who);
  if (d.finding.grade === 'ofi') {
    if (d.ofi === 'decline')
      await step(isabel, 'decline_ofi', { comment: d.ofiReason ?? 'Not a priority for this cycle' });
    if (d.ofi === 'accept' || d.ofi === 'plan') await step(isabel, 'accept_ofi');
    if (d.ofi === 'plan') await step(isabel, 'plan_ofi');
    return;
  }
  const stages = [
    'open',
    'analysing',
    'plan_submitted',
    'plan_accepted',
    'implementing',
    'evidence_submitted',
    'verified_internally',
    'closed',
  ];
  const reach = stages.indexOf(d.reach);
  if (reach >= 1) {
    await step(owner, 'start_analysis');
    const on = d.record.correction.what ? inDays(-(d.correctedDaysAgo ?? 15)) : null;
    await updateRecord({ findingId: f.id, ...d.record, correction: { ...d.record.correction, on } }, owner);
  }
  const actionIds: string[] = [];
  if (reach >= 2) {
    for (const a of d.actions)
      actionIds.push(
        (
          await addAction(
            {
              title: a.title,
              ownerEmail: a.ownerEmail,
              dueOn: inDays(a.dueInDays),
              findingId: f.id,
              description: '',
              effortDays: a.effortDays ?? null,
            },
            owner,
          )
        ).id,
      );
    await step(owner, 'submit_plan');
  }
  const claire = await as('claire.dubois@certbody.example');
  if (reach >= 3)
    await step(claire, 'accept_plan', { comment: 'Plan is proportionate to the nonconformity.' });
  if (reach >= 4) await step(owner, 'start_implementation');
  if (reach >= 5) {
    for (const id of actionIds) await updateAction({ findingId: f.id, actionId: id, status: 'done' }, owner);
    for (const ev of d.evidence) {
      await attachEvidence(
        {
          findingId: f.id,
          // Each file proves the plan's first action (the Evidence of Correction names it).
          attachedTo: actionIds[0] ? 'action' : 'finding',
          attachedId: actionIds[0] ?? null,
          fileName: ev.name,
          description: ev.description,
          content: bufferContent(Buffer.from(ev.text)),
        },
        owner,
      );
    }
    if (d.amendment) await addAmendment({ findingId: f.id, ...d.amendment }, owner);
    await step(owner, 'submit_evidence');
  }
  const ravi = await as('ravi.iyer@demo.example');
  if (reach >= 6)
    await step(ravi, 'verify_internally', {
      comment: 'Sampled the records named in the effectiveness criteria; they meet them.',
    });
  if (reach >= 7) {
    await step(claire, 'record_auditor_acceptance');
    // The CB closes on verified evidence; the organisation's review of effectiveness (10.2 d) is a separate
    // fact, planned first and due later: the finding shows "closed by CB — effectiveness review due D".
    await planEffectivenessReview(
      {
        findingId: f.id,
        criteria:
          d.record.effectiveness?.criteria || 'The nonconformity does not recur in the next two months.',
        dueOn: inDays(45),
        reviewerEmail: 'ravi.iyer@demo.example',
      },
      isabel,
    );
    await step(isabel, 'close');
  }
  if (d.comment) await addComment({ findingId: f.id, body: d.comment, parentId: null }, claire);
}
