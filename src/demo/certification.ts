import { addCalendarDays } from '../domain/calendar/iso-date.ts';
import { addCertificate, attachCertificateFile } from '../modules/certificates/index.ts';
import type { OrgContext } from '../modules/context.ts';
import { addAction, updateAction, updateRecord } from '../modules/corrective-actions/index.ts';
import { attachEvidence } from '../modules/evidence/index.ts';
import {
  planEffectivenessReview,
  recordEffectivenessResult,
  transitionFinding,
} from '../modules/finding-workflow/index.ts';
import {
  planInternalAudit,
  raiseFinding,
  recordCheck,
  showInternalAudit,
} from '../modules/internal-audits/index.ts';
import { createReview, updateReview } from '../modules/management-review/index.ts';
import { renderPdf } from '../reports/pdf.ts';
import type { ContentStore } from '../storage/content-store.ts';
import { bufferContent } from '../storage/file-content.ts';
import { asDemoPerson } from './foundation.ts';

type Ctx = OrgContext & { store: ContentStore; maxBytes: number };

/**
 * The certification part of the demo: the certificate issued after the stage 2 audit with its cycle
 * planned, an internal audit whose minor nonconformity IA-01 became a finding and was closed by the
 * organisation under 10.2 (plan accepted by the ISMS manager, implementation verified by the internal
 * auditor, effectiveness reviewed, no certification body step: it blocks nothing and implies no CB
 * recommendation; it shows in the Evidence of Correction report), and a management review.
 */
export async function seedCertification(base: OrgContext, store: ContentStore) {
  const as = async (email: string): Promise<Ctx> => ({
    ...(await asDemoPerson(base, email)),
    store,
    maxBytes: 25 * 1024 * 1024,
  });
  const isabel = await as('isabel.martin@demo.example');
  const priya = await as('priya.shah@demo.example');
  const ravi = await as('ravi.iyer@demo.example');
  const lena = await as('lena.okafor@demo.example');
  const today = base.now().toISOString().slice(0, 10);
  const day = (n: number) => addCalendarDays(today, n);

  const scope =
    'Design, development, hosting and support of the Northwind cloud platform from the London and Lyon offices.';
  const cert = await addCertificate(
    {
      number: 'CERTA-27001-0427',
      certificationBody: 'Certa Assurance Ltd',
      standard: 'ISO/IEC 27001',
      edition: '2022',
      scope,
      issuedOn: day(-10),
      decidedOn: day(-10),
      auditRef: 'S2-2026',
      // The stage 2 majors are still being corrected, so the rules refuse this certificate (ISO/IEC
      // 17021-1 9.5): the demo records it as a historical entry, with its reason shown beside it.
      historicalReason:
        'Demo: recorded to show the certification cycle before the stage 2 majors are verified; a real certificate follows the certification body’s verification of NC-01 and NC-02.',
      expiresOn: null,
      cycle: {
        surveillanceIntervalMonths: 12,
        windowMonths: 3,
        recertificationLeadDays: 90,
        policyKey: 'cb-90',
      },
    },
    priya,
  );
  const document = await renderPdf({
    title: 'Certificate of registration',
    subtitle: `ISO/IEC 27001:2022 — certificate ${cert.number}`,
    meta: {
      organisation: base.organisation.name,
      version: cert.issuedOn,
      generatedAt: `${cert.issuedOn}T09:00:00Z`,
    },
    blocks: [
      {
        kind: 'fields',
        items: [
          { label: 'Certification body', value: cert.certificationBody },
          { label: 'Scope', value: scope },
          { label: 'Issued', value: cert.issuedOn },
          { label: 'Valid until', value: cert.expiresOn },
        ],
      },
    ],
  });
  await attachCertificateFile(
    { certificateId: cert.id, fileName: `${cert.number}.pdf`, content: bufferContent(document) },
    isabel,
  );

  await planInternalAudit(
    {
      ref: 'IA-2026-01',
      area: 'IT operations: endpoint and patch management',
      auditorEmail: 'ravi.iyer@demo.example',
      auditeeEmail: 'lena.okafor@demo.example',
      plannedOn: day(-8),
      requirements: ['9.2', '7.5', 'A.8.8', 'A.8.9', 'A.5.15'],
      samplingNotes:
        '12 of 240 laptops drawn at random from the asset register; change tickets of the last quarter.',
    },
    isabel,
  );
  const checklist = (await showInternalAudit({ ref: 'IA-2026-01' }, ravi)).checklist;
  const check = (req: string) => checklist.find((c) => c.requirement === req)!.id;
  const results: [string, 'conform' | 'minor' | 'ofi' | 'positive', string][] = [
    ['9.2', 'conform', 'Audit programme 2026 approved by the ISMS manager; audits this year on plan.'],
    ['7.5', 'positive', 'Document control in the wiki with approval workflow and version history.'],
    ['A.8.8', 'minor', '3 of 12 sampled laptops lacked the June OS security update 21 days after release.'],
    ['A.8.9', 'ofi', 'Baseline configuration drift reports exist but are not reviewed on a schedule.'],
    ['A.5.15', 'conform', 'Quarterly access reviews for production held and signed off.'],
  ];
  for (const [req, result, evidence] of results)
    await recordCheck({ auditRef: 'IA-2026-01', checkId: check(req), result, evidence, sampling: '' }, ravi);
  const { findingId } = await raiseFinding(
    {
      auditRef: 'IA-2026-01',
      checkId: check('A.8.8'),
      ref: 'IA-01',
      statement:
        'Security updates are not installed on all endpoints within the 14 days the patch policy sets.',
      ownerEmail: 'lena.okafor@demo.example',
    },
    ravi,
  );

  const step = (who: Ctx, action: string, extra: object = {}) =>
    transitionFinding({ findingId, action, ...extra }, who);
  await step(lena, 'start_analysis');
  await updateRecord(
    {
      findingId,
      correction: { what: 'Pushed the June update to the three laptops', who: 'Lena Okafor', on: day(-6) },
      rootCause: {
        method: 'five_whys',
        whys: [
          {
            question: 'Why were updates missing?',
            answer: 'The laptops were offline during the deployment window',
          },
          {
            question: 'Why was that not noticed?',
            answer: 'No report lists devices that missed a deployment',
          },
        ],
        categories: [],
        statement: 'Nobody is told when a device misses a deployment.',
        similarElsewhere: 'Servers use a different tool with compliance reports; not affected.',
      },
      expectedEffect: 'Every endpoint receives security updates within 14 days.',
      effectiveness: {
        criteria:
          'Compliance report shows 100 % of active endpoints patched within 14 days for two consecutive months.',
        reviewerEmail: null,
        reviewedOn: null,
        result: null,
        notes: '',
      },
    },
    lena,
  );
  const action = await addAction(
    {
      findingId,
      title: 'Weekly missed-deployment report sent to the service desk',
      description: '',
      ownerEmail: 'lena.okafor@demo.example',
      dueOn: day(-2),
      effortDays: 2,
    },
    lena,
  );
  await step(lena, 'submit_plan');
  // An internal-audit nonconformity: the ISMS manager accepts the plan (the organisation's decision).
  await step(isabel, 'accept_plan', {
    comment: 'Plan accepted by the ISMS manager (internal audit finding).',
  });
  await step(lena, 'start_implementation');
  await updateAction({ findingId, actionId: action.id, status: 'done' }, lena);
  const evidence = await attachEvidence(
    {
      findingId,
      attachedTo: 'finding',
      attachedId: null,
      fileName: 'endpoint-patch-compliance.csv',
      description: 'Compliance export: active endpoints and days to patch',
      content: bufferContent(
        Buffer.from(
          'device,last_update,days_to_patch\nLT-0041,2026-06-20,6\nLT-0112,2026-06-19,5\nLT-0187,2026-06-21,7\n',
        ),
      ),
    },
    lena,
  );
  await step(lena, 'submit_evidence');
  await step(ravi, 'verify_internally', {
    comment:
      'Compared the compliance export with the asset register: every active endpoint patched within 14 days.',
    verification: { criteriaMet: true, evidenceIds: [evidence.id] },
  });
  // Review of effectiveness (10.2 d) by someone who did not implement the action, then the organisation
  // closes its own nonconformity.
  await planEffectivenessReview(
    {
      findingId,
      criteria:
        'Compliance report shows 100 % of active endpoints patched within 14 days for two consecutive months.',
      dueOn: day(-1),
      reviewerEmail: 'ravi.iyer@demo.example',
    },
    isabel,
  );
  await recordEffectivenessResult(
    {
      findingId,
      result: 'effective',
      reviewedOn: day(-1),
      notes: 'Two monthly compliance reports: every active endpoint patched within 14 days.',
      evidenceIds: [evidence.id],
    },
    ravi,
  );
  await step(isabel, 'close', { comment: 'Closed by the organisation (10.2): effective.' });

  const review = await createReview(
    {
      ref: 'MR-2026',
      heldOn: day(-3),
      chair: 'Priya Shah',
      attendees: 'Priya Shah, Isabel Martín, Ravi Iyer, Tom Becker',
    },
    isabel,
  );
  await updateReview(
    {
      reviewId: review.id,
      decisions: [
        {
          topic: 'Stage 2 nonconformities',
          decision: 'Close both majors before the first surveillance audit',
          owner: 'Isabel Martín',
          dueOn: day(60),
        },
        {
          topic: 'Endpoint patching',
          decision: 'Fund automated patch compliance reporting',
          owner: 'Tom Becker',
          dueOn: day(90),
        },
      ],
      notes: 'The ISMS remains suitable, adequate and effective; resources for patch automation approved.',
    },
    isabel,
  );
}
