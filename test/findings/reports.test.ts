import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../src/modules/context.ts';
import { buildAuditReport } from '../../src/modules/reports/audit-reports.ts';
import { renderPdf } from '../../src/reports/pdf.ts';
import { renderXlsx } from '../../src/reports/xlsx.ts';
import { type Client, setupAdmin, startTestApp, type TestApp } from '../support/harness.ts';
import { pdfText } from '../support/pdf-text.ts';

describe('report renderers', () => {
  const doc = {
    title: 'Corrective Action Plan',
    meta: {
      organisation: 'Société Générale d’Exemple',
      generatedAt: '2026-11-28T10:00:00Z',
      version: '2026-11-28',
    },
    blocks: [
      { kind: 'heading' as const, level: 2 as const, text: 'NC-01 — major — A.8.8' },
      {
        kind: 'table' as const,
        title: 'Actions',
        columns: [
          { key: 'n', header: 'No.' },
          { key: 'text', header: 'Action', width: 4 },
        ],
        rows: Array.from({ length: 120 }, (_, i) => ({
          n: i + 1,
          text: `Action number ${i + 1} — “quoted” and café ✓ ${i % 7 === 0 ? 'with a long description that wraps onto a second line of the cell, as real actions do' : ''}`,
        })),
      },
    ],
  };
  it('paginates tables, numbers pages and keeps accented text (PDF)', async () => {
    const bytes = await renderPdf(doc);
    const text = pdfText(bytes);
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    for (const n of [1, 60, 120]) expect(text).toContain(`Action number ${n} `);
    expect(text).toContain('Société Générale d’Exemple');
    expect(text).toContain('café ✓');
    // The table header repeats on the last page too.
    expect(pdfText(bytes, { first: pages, last: pages })).toContain('Action');
  });
  it('writes a filtered sheet with a frozen header that keeps formula-like text as text (XLSX)', async () => {
    const bytes = await renderXlsx({
      ...doc,
      blocks: [{ ...doc.blocks[1]!, rows: [{ n: 1, text: '=HYPERLINK("http://evil")' }] }],
    } as never);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Actions')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'No.', 'Action']);
    expect(ws.getCell('B2').value).toBe('=HYPERLINK("http://evil")');
    expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});

describe('CAP and Evidence of Correction contain what was entered', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    admin = await setupAdmin(t);
    await admin.post('/api/v1/orgs/acme/audits', {
      ref: 'S2',
      type: 'stage2',
      certificationBody: 'Certa',
      reportReceivedOn: '2026-03-02',
    });
    const f = (
      await admin.post('/api/v1/orgs/acme/audits/S2/findings', {
        ref: 'NC-07',
        grade: 'minor',
        requirements: ['A.5.15'],
        statement: 'Leavers keep access for weeks',
      })
    ).json();
    const base = `/api/v1/orgs/acme/findings/${f.id}`;
    await admin.patch(`${base}/record`, {
      correction: { what: 'Disabled 3 leaver accounts', who: 'IT', on: '2026-03-03' },
      rootCause: {
        method: 'five_whys',
        whys: [{ question: 'Why late?', answer: 'HR notifies IT by email only' }],
        statement: 'No automated leaver trigger',
      },
      effectiveness: { criteria: 'No active account of a leaver in monthly checks' },
    });
    await admin.post(`${base}/actions`, {
      title: 'Automate deprovisioning from the HR system',
      ownerEmail: 'admin@acme.test',
      dueOn: '2026-04-15',
    });
  });
  afterAll(async () => t?.close());

  it('renders the CAP with correction, whys and actions, and the evidence report with its index', async () => {
    const org = await t.rt.database.db.selectFrom('organisation').selectAll().executeTakeFirstOrThrow();
    const ctx = makeContext(
      { kind: 'cli', label: 'test' },
      { id: org.id, slug: org.slug, name: org.name },
      {
        ...t.rt.database,
        env: t.rt.env,
        now: () => new Date('2026-03-10T09:00:00Z'),
      },
    );
    const cap = pdfText(await renderPdf(await buildAuditReport({ kind: 'cap', auditRef: 'S2' }, ctx)));
    for (const s of [
      'Corrective Action Plan',
      'acme Ltd',
      'NC-07',
      'Leavers keep access for weeks',
      'Disabled 3 leaver accounts',
      'HR notifies IT by email only',
      'No automated leaver trigger',
      'Automate deprovisioning',
      'Ada Admin (Administrator)',
      '2026-04-15',
      'Page 1 of',
    ]) {
      expect(cap).toContain(s);
    }
    const res = await admin.get('/api/v1/orgs/acme/reports/evidence?audit=S2&format=pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    const evidence = pdfText(res.rawPayload);
    expect(evidence).toContain('Evidence of Correction');
    expect(evidence).toContain('Evidence index');
    expect(evidence).toContain('Not verified yet');
    const xlsx = await admin.get('/api/v1/orgs/acme/reports/corrective-action-log?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Nonconformities and corrective']);
    expect(wb.worksheets[1]!.getCell('A2').value).toBe('NC-07');
  });
});
