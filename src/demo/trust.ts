import type { OrgContext } from '../modules/context.ts';
import {
  addGeneratedDocument,
  addNdaVersion,
  createGrant,
  createLink,
  requestAccess,
  savePage,
  setPublished,
  uploadDocument,
  visitorContext,
} from '../modules/trust/index.ts';
import { renderPdf } from '../reports/pdf.ts';
import type { ContentStore } from '../storage/content-store.ts';
import { bufferContent } from '../storage/file-content.ts';
import { asDemoPerson, DEMO_COMPANY } from './foundation.ts';

// The trust page of the demo: published, with overview, FAQ, contact, the live certificate, one document
// per access level (PDFs rendered now with pdfkit), the SoA summary, NDA v1, an auto-approved partner
// domain and a listed customer, one pending request, one grant and one direct share link.

export const demoNda =
  `Mutual non-disclosure agreement (${DEMO_COMPANY}). The recipient keeps the documents and the ` +
  'information in them confidential, uses them only to assess Northwind as a supplier, does not pass them ' +
  'on outside its organisation, and destroys them on request. This agreement is governed by the laws of ' +
  'England and Wales and lasts three years from acceptance.';

async function pdf(title: string, org: string, lines: string[]) {
  return renderPdf({
    title,
    meta: { organisation: org, generatedAt: new Date().toISOString().replace(/.d+Z$/, 'Z') },
    blocks: [{ kind: 'bulletList', items: lines }],
  });
}

export async function seedTrust(base: OrgContext, store: ContentStore) {
  const isabel = {
    ...(await asDemoPerson(base, 'isabel.martin@demo.example')),
    store,
    maxBytes: 25 * 1024 * 1024,
  };
  const org = base.organisation.name;
  await savePage(
    {
      title: 'Northwind Trust Center',
      overview:
        'Northwind hosts customer data in ISO/IEC 27001:2022 certified operations in London and Lyon.\n' +
        'This page shows our certificate live from our certification records, the frameworks we follow and ' +
        'the security documents you can read: some openly, some after our NDA, some on request.',
      contactEmail: 'security@demo.example',
      primaryColor: '#0b7285',
      logoDataUrl: '',
      faq: [
        {
          question: 'Is customer data encrypted?',
          answer: 'Yes: TLS 1.2+ in transit, AES-256 at rest, keys in a managed HSM.',
        },
        {
          question: 'Where is data hosted?',
          answer: 'In the EU (Frankfurt and Paris regions), with backups in the same regions.',
        },
        {
          question: 'How do I report a vulnerability?',
          answer: 'Write to security@demo.example; we answer within two working days.',
        },
      ],
      frameworks: [
        { name: 'ISO/IEC 27001:2022', status: 'certified', note: 'Certificate CERTA-27001-0427' },
        { name: 'SOC 2 Type II', status: 'in_progress', note: 'Report expected Q2 2027' },
        { name: 'NIST CSF 2.0', status: 'compliant', note: 'Self-assessed via our SoA crosswalk' },
      ],
      autoApproveDomains: ['northwind-partner.example'],
      customers: [{ name: 'Contoso Retail', domain: 'contoso.example' }],
      customDomain: 'trust.demo.example',
      showCertificates: true,
    },
    isabel,
  );
  await addNdaVersion({ text: demoNda }, isabel);
  const docs = [
    [
      'Information security policy summary',
      'policy',
      'public',
      ['Top-level policy approved by the board', 'Annual review', 'Roles and responsibilities (A.5.2)'],
    ],
    [
      'Penetration test summary 2026',
      'pentest',
      'nda',
      [
        'External test by an accredited firm, March 2026',
        'No critical or high findings open',
        'Two medium findings fixed and retested',
      ],
    ],
    [
      'SOC 2 Type II bridge letter',
      'soc2',
      'request',
      [
        'Bridge letter covering the period since the last report',
        'No material changes to the control environment',
      ],
    ],
    ['Risk treatment plan (internal)', 'other', 'private', ['Internal working document, never published']],
  ] as const;
  const ids: Record<string, string> = {};
  for (const [title, category, accessLevel, lines] of docs) {
    const bytes = await pdf(title, org, [...lines]);
    const d = await uploadDocument(
      {
        title,
        description: '',
        category,
        accessLevel,
        fileName: `${title}.pdf`,
        content: bufferContent(bytes),
      },
      isabel,
    );
    ids[accessLevel] = d.id;
  }
  await addGeneratedDocument(
    {
      source: 'soa_summary',
      title: 'Statement of Applicability summary',
      description: 'Live from the approved SoA',
      accessLevel: 'nda',
    },
    isabel,
  );
  await setPublished({ published: true }, isabel);
  await createGrant(
    {
      subjectKind: 'email',
      subject: 'auditor@bigbank.example',
      documentId: null,
      expiresOn: null,
      invite: false,
    },
    isabel,
  );
  await createLink(
    { label: 'Fabrikam procurement review', documentId: ids.request!, expiresOn: null, passcode: null },
    isabel,
  );
  const visitor = await visitorContext('demo', null, '203.0.113.10', {
    db: base.db,
    kind: base.kind,
    env: base.env,
    store,
  });
  await requestAccess(
    {
      name: 'Sam Carter',
      email: 'sam.carter@prospect.example',
      company: 'Prospect Bank',
      documentId: ids.request!,
      message: 'Vendor due diligence',
    },
    visitor,
  );
}
