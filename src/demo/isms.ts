import type { IsmsScope } from '../contracts/isms-soa.ts';
import type { OrgContext } from '../modules/context.ts';
import { actionsOf } from '../modules/corrective-actions/index.ts';
import { createDocument } from '../modules/documents/index.ts';
import { listFindingRows as listFindings } from '../modules/findings/index.ts';
import { saveContext } from '../modules/isms-context/index.ts';
import { createRisk, updateRisk } from '../modules/risks/index.ts';
import {
  addOtherControl,
  approveVersion,
  createVersion,
  updateEntry,
  updateScope,
} from '../modules/soa/index.ts';
import { annexAControls } from '../reference/catalogue.ts';
import { asDemoPerson } from './foundation.ts';
import { demoContext } from './isms-context.ts';
import { demoDocuments } from './isms-documents.ts';
import { demoRisks } from './isms-risks.ts';

// The demo organisation's ISMS baseline: its context (4.1, 4.2, climate), twenty risks, a filled document register with one overdue
// review, the ISMS scope, an approved SoA v1 and a draft v2 with changes.

const scope: IsmsScope = {
  statement:
    'The ISMS covers the design, development, hosting and support of the Northwind cloud platform and the customer data it processes, operated from the London office.',
  locations: ['London office (head office)'],
  businessUnits: ['Engineering', 'Platform operations', 'Customer support'],
  systems: ['Northwind platform (AWS eu-west-2)', 'Corporate identity provider', 'Source code hosting'],
  processes: ['Software development', 'Platform operations', 'Incident management', 'Customer support'],
  interfaces: ['Customer APIs', 'Payment provider', 'Managed security service provider'],
  dependencies: ['Amazon Web Services', 'Identity provider SaaS', 'CDN and DDoS protection provider'],
  exclusions: [
    {
      item: 'Marketing website',
      reason: 'Hosted and run by an agency; holds no customer data and no link to the platform',
    },
  ],
  requirements: [
    {
      kind: 'legal',
      name: 'UK GDPR and Data Protection Act 2018',
      note: 'Processor for customer personal data',
    },
    {
      kind: 'regulatory',
      name: 'NIS Regulations 2018 (relevant digital service provider)',
      note: 'Incident reporting to the ICO',
    },
    {
      kind: 'contractual',
      name: 'Customer master services agreements',
      note: '99.9% availability, 72-hour breach notification',
    },
  ],
};

const excluded: Record<string, string> = {
  '7.6':
    'No secure areas of our own: production runs in AWS data centres covered by the provider’s ISO/IEC 27001 certificate; offices hold no in-scope equipment.',
  '8.30': 'No development is outsourced: all code is written and reviewed by employees.',
};
const v1Status: Record<string, 'partial' | 'planned'> = {
  '5.7': 'planned',
  '5.23': 'partial',
  '5.30': 'partial',
  '8.11': 'planned',
  '8.12': 'partial',
  '8.16': 'partial',
  '8.28': 'partial',
};
const legal = new Set(['5.31', '5.32', '5.33', '5.34']);
const contractual = new Set(['5.19', '5.20', '5.21', '5.22', '5.14']);
const themeDoc: Record<string, [string, string]> = {
  organizational: ['POL-01', 'Isabel Martín'],
  people: ['HR-02', 'Marcus Lee'],
  physical: ['POL-01', 'Marcus Lee'],
  technological: ['OPS-01', 'Tom Becker'],
};

const dayFrom = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedIsms(base: OrgContext) {
  const as = (email: string) => asDemoPerson(base, email);
  const isabel = await as('isabel.martin@demo.example');
  const priya = await as('priya.shah@demo.example');
  const today = base.now().toISOString().slice(0, 10);
  const signed = (owner: string, daysAgo: number | null) =>
    daysAgo === null ? null : { by: owner, on: dayFrom(today, -daysAgo) };
  for (const { reviewInDays, approvedDaysAgo, acceptedDaysAgo, ...r } of demoRisks)
    await createRisk(
      {
        ...r,
        reviewOn: dayFrom(today, reviewInDays),
        treatmentApproval: signed(r.owner, approvedDaysAgo),
        residualAcceptance: signed(r.owner, acceptedDaysAgo),
      },
      isabel,
    );
  // R-03 (unpatched services) is treated partly by the corrective actions of NC-01 (A.8.8).
  const nc = await listFindings(
    base.db,
    base.organisation.id,
    { requirement: 'A.8.8' },
    { sort: 'ref', direction: 'asc' },
  );
  const actions = await actionsOf(
    base.db,
    base.organisation.id,
    nc.rows.map((f) => f.id),
  );
  await updateRisk({ ref: 'R-03', actions: actions.map((a) => a.id) }, isabel);
  await saveContext(
    demoContext((days) => dayFrom(today, days)),
    isabel,
  );
  for (const { approvedDaysAgo, reviewInDays, ...d } of demoDocuments)
    await createDocument(
      { ...d, approvedOn: dayFrom(today, -approvedDaysAgo), nextReviewOn: dayFrom(today, reviewInDays) },
      isabel,
    );

  await createVersion({ changeNote: 'First Statement of Applicability for the stage 1 audit' }, isabel);
  await updateScope({ number: 1, scope, reason: 'Scope agreed by the management review' }, isabel);
  const riskControls = new Set(demoRisks.flatMap((r) => r.controls));
  for (const c of annexAControls()) {
    const [doc, owner] = themeDoc[c.theme]!;
    if (excluded[c.id]) {
      await updateEntry(
        { number: 1, controlId: c.id, applicable: false, justification: excluded[c.id] },
        isabel,
      );
      continue;
    }
    const reasons = [
      ...(riskControls.has(c.id) ? (['risk_treatment'] as const) : []),
      ...(legal.has(c.id) ? (['legal_regulatory'] as const) : []),
      ...(contractual.has(c.id) ? (['contractual'] as const) : []),
    ];
    const status = v1Status[c.id] ?? 'implemented';
    await updateEntry(
      {
        number: 1,
        controlId: c.id,
        reasons: reasons.length > 0 ? [...reasons] : ['business'],
        status,
        owner,
        implementation:
          status === 'planned'
            ? ''
            : `${c.title}: defined in ${doc} and operated by ${owner}; checked in the quarterly control review.`,
        documents: [doc],
      },
      isabel,
    );
  }
  // A control beyond Annex A, under the organisation's own id (6.1.3 b NOTE 1): enterprise contracts ask
  // for a certificate of deletion of the customer's data when the contract ends. Planned in v1, so the SoA
  // in force shows it: the internal audit programme lists it as not yet audited (9.2.2), the scores count
  // it (planned: readiness credit only) and the crosswalks show it as not mapped.
  await addOtherControl(
    {
      number: 1,
      controlId: 'ORG-1',
      title: 'Certificate of deletion of customer data at contract end',
      reasons: ['contractual'],
      status: 'planned',
      owner: themeDoc.organizational![1],
      implementation: '',
      reason: 'Enterprise contracts require a deletion certificate',
    },
    isabel,
  );
  await approveVersion(
    { number: 1, approvedOn: dayFrom(today, -60), note: 'Approved at the management review' },
    priya,
  );

  await createVersion({ changeNote: 'Progress since stage 1 and the Lyon office joining the scope' }, isabel);
  await updateScope(
    {
      number: 2,
      scope: { ...scope, locations: [...scope.locations, 'Lyon office (support)'] },
      reason: 'Customer support moved part of its team to Lyon',
    },
    isabel,
  );
  const changes: [string, Parameters<typeof updateEntry>[0]][] = [
    [
      'Joined the sector ISAC; weekly triage since September',
      {
        number: 2,
        controlId: '5.7',
        status: 'implemented',
        implementation:
          'Sector ISAC feed triaged weekly by the security team; actions tracked in the backlog.',
        evidence: ['ISAC membership confirmation', 'Triage log'],
      },
    ],
    [
      'Central log platform live with alert runbooks',
      { number: 2, controlId: '8.16', status: 'implemented', evidence: ['Alert triage runbook v1.2'] },
    ],
    ['Cloud guardrails rolled out to every account', { number: 2, controlId: '5.23', status: 'implemented' }],
    [
      'Masking of analytics extracts started',
      {
        number: 2,
        controlId: '8.11',
        status: 'partial',
        implementation: 'Masking applied to the analytics extracts of two of five products.',
      },
    ],
    [
      'Deletion certificates issued for the first products',
      {
        number: 2,
        controlId: 'ORG-1',
        status: 'partial',
        implementation: 'Deletion runbook written; certificates issued for two of the five products.',
      },
    ],
  ];
  for (const [reason, change] of changes) await updateEntry({ ...change, reason }, isabel);
}
