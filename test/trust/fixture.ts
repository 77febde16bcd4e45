import PDFDocument from 'pdfkit';
import { expect } from 'vitest';
import type { Client, TestApp } from '../support/harness.ts';
import { upload } from '../support/multipart.ts';

/** A one-page PDF with `text`, as an organisation would upload. */
export function makePdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(14).text(text);
    doc.end();
  });
}

export const NDA_TEXT = 'Mutual non-disclosure agreement: the recipient keeps the documents confidential.';

export interface TrustFixture {
  publicId: string;
  ndaId: string;
  requestId: string;
  privateId: string;
  titles: { public: string; nda: string; request: string; private: string };
  bodies: { nda: string; request: string; private: string };
}

/** A published page for `slug` with one document per access level and NDA v1. */
export async function publishedPage(
  c: Client,
  slug: string,
  extra: Record<string, unknown> = {},
): Promise<TrustFixture> {
  const base = `/api/v1/orgs/${slug}/trust`;
  const saved = await c.put(base, {
    title: `${slug} Trust Center`,
    overview: `How ${slug} protects your data.`,
    contactEmail: `security@${slug}.test`,
    primaryColor: '#0b7285',
    logoDataUrl: '',
    faq: [{ question: 'Do you encrypt data at rest?', answer: 'Yes, AES-256.' }],
    frameworks: [{ name: 'ISO/IEC 27001:2022', status: 'certified', note: '' }],
    autoApproveDomains: [],
    customers: [],
    customDomain: '',
    showCertificates: true,
    ...extra,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await c.post(`${base}/nda`, { text: NDA_TEXT })).statusCode).toBe(201);
  const titles = {
    public: `${slug} security policy summary`,
    nda: `${slug} penetration test summary`,
    request: `${slug} SOC 2 bridge letter`,
    private: `${slug} internal risk treatment secrets`,
  };
  const bodies = {
    nda: `${slug}-NDA-CONTENT-marker`,
    request: `${slug}-REQUEST-CONTENT-marker`,
    private: `${slug}-PRIVATE-CONTENT-marker`,
  };
  const ids: Record<string, string> = {};
  for (const level of ['public', 'nda', 'request', 'private'] as const) {
    const text = level === 'public' ? `${slug} public policy` : bodies[level];
    const res = await upload(c, `${base}/documents`, `${level}.pdf`, await makePdf(text), {
      title: titles[level],
      accessLevel: level,
      category: level === 'nda' ? 'pentest' : 'policy',
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[level] = res.json().id;
  }
  expect((await c.post(`${base}/publish`, { published: true })).json().publishedAt).toBeTruthy();
  return {
    publicId: ids.public!,
    ndaId: ids.nda!,
    requestId: ids.request!,
    privateId: ids.private!,
    titles,
    bodies,
  };
}

/** The last mail to `to` (bodies are kept when no SMTP is configured, as in tests). */
export async function lastMail(t: TestApp, to: string) {
  return t.rt.database.db
    .selectFrom('mail_outbox')
    .select(['subject', 'body_text'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export function signInToken(body: string): string {
  const m = /\/trust\/[a-z0-9-]+\/i\/([A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error(`no sign-in link in: ${body}`);
  return m[1]!;
}

export const nda = (email: string) => ({
  name: 'Eve Visitor',
  email,
  company: 'Customer Ltd',
  version: 1,
  accept: true,
});
