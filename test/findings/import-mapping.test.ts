import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import {
  type Client,
  hasKind,
  kinds,
  migratedDatabase,
  setupAdmin,
  startTestApp,
  type TestApp,
} from '../support/harness.ts';
import { upload } from '../support/multipart.ts';

// Issue #19 item 1: a certification body's report with its own headers, a title row above them, and only
// some columns mapped by hand.
const audit = (ref: string, certificationBody = 'Certa Assurance') => ({
  ref,
  type: 'stage2',
  certificationBody,
  reportReceivedOn: '2026-03-02',
  policyKey: 'fast-14-30-60',
});

const cbCsv = [
  'Certa Assurance – Stage 2 audit report,,,,',
  'Nonconformities raised on 2 March 2026,,,,',
  'NC No.,Category,Clause,Finding,Objective evidence,Auditee remarks',
  '1,Major NC,A.8.8,"Vulnerabilities are not evaluated in time","Scan of 10 Feb: 14 criticals",n/a',
  '2,Minor,9.2,Internal audit programme incomplete,,',
].join('\r\n');

async function xlsxWithTitle(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Findings');
  ws.addRow(['Stage 2 report – nonconformities']);
  ws.mergeCells('A1:E1');
  ws.addRow([]);
  ws.addRow(['Ref', 'Type', 'Standard clause', 'Statement of nonconformity', 'Evidence seen']);
  ws.addRow(['NC-07', 'Minor', 'A.5.15', 'Access reviews missed', 'Review log of Q3']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`import with a CB's own headers on ${kind}`, () => {
    let t: TestApp;
    let isa: Client;
    beforeAll(async () => {
      t = await startTestApp(kind);
      isa = await setupAdmin(t, 'acme', 'isa@acme.test');
    });
    afterAll(async () => t?.close());
    const send = (ref: string, name: string, bytes: Buffer, fields: Record<string, string>) =>
      upload(isa, `/api/v1/orgs/acme/audits/${ref}/import`, name, bytes, fields);

    it('maps a subset, finds the header row below title rows and suggests the rest', async () => {
      expect((await isa.post('/api/v1/orgs/acme/audits', audit('S2-CB'))).statusCode).toBe(201);
      const mapping = JSON.stringify({ ref: 'NC No.', requirement: 'Clause', statement: 'Finding' });
      const preview = await send('S2-CB', 'certa.csv', Buffer.from(cbCsv), { mapping, dryRun: 'true' });
      expect(preview.statusCode).toBe(200);
      const body = preview.json();
      expect(body.errors).toEqual([]);
      expect(body.headerRow).toBe(3);
      expect(body.headers).toContain('Auditee remarks');
      // "Category" and "Objective evidence" were not mapped by hand: the synonyms found them.
      expect(body.mapping).toEqual({
        ref: 'NC No.',
        grade: 'Category',
        requirement: 'Clause',
        statement: 'Finding',
        evidence: 'Objective evidence',
        owner_email: null,
      });
      expect(body.findings.map((f: { line: number; grade: string }) => [f.line, f.grade])).toEqual([
        [4, 'major'],
        [5, 'minor'],
      ]);
      // An optional column set to "" stays empty.
      const noEvidence = JSON.stringify({ ref: 'NC No.', evidence: '' });
      const done = await send('S2-CB', 'certa.csv', Buffer.from(cbCsv), { mapping: noEvidence });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ imported: 2, mapping: { evidence: null } });
      const list = (await isa.get('/api/v1/orgs/acme/findings?audit=S2-CB')).json().items;
      const detail = (await isa.get(`/api/v1/orgs/acme/findings/${list[0].id}`)).json();
      expect(detail).toMatchObject({ ref: '1', objectiveEvidence: '' });
      const trail = (await isa.get('/api/v1/orgs/acme/audit-log?pageSize=100')).json().items;
      expect(trail.map((e: { action: string }) => e.action)).toContain('import_mapping.remember');
    });

    it('names the required column missing and lists the headers found; row numbers count title rows', async () => {
      expect((await isa.post('/api/v1/orgs/acme/audits', audit('S2-MISS', 'Other CB'))).statusCode).toBe(201);
      const csv = 'Report title\r\nNo,Remark,Text\r\n1,x,y\r\n';
      const r = await send('S2-MISS', 'r.csv', Buffer.from(csv), { mapping: '{"ref":"No"}', dryRun: 'true' });
      expect(r.statusCode).toBe(200);
      const errors = r.json().errors as { row: number; column: string; message: string }[];
      expect(errors.map((e) => e.column)).toEqual(['grade', 'requirement', 'statement']);
      expect(errors[0]!.row).toBe(2);
      expect(errors[0]!.message).toContain('the headers found are "No", "Remark", "Text"');
      const wrong = await send('S2-MISS', 'r.csv', Buffer.from(cbCsv), {
        mapping: '{"statement":"Finding text"}',
        dryRun: 'true',
      });
      expect(wrong.json().errors[0]).toMatchObject({ row: 3, column: 'Finding text' });
      expect(wrong.json().errors[0].message).toContain('no column "Finding text"');
      const badCell = cbCsv.replace('2,Minor,9.2', '2,Severe,9.2');
      const refused = await send('S2-MISS', 'certa.csv', Buffer.from(badCell), {});
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([
        {
          path: 'row 5, column Category',
          message: '"Severe" is not a grade (major, minor, ofi, observation, positive)',
        },
      ]);
      expect((await isa.get('/api/v1/orgs/acme/findings?audit=S2-MISS')).json().total).toBe(0);
    });

    it('reads an XLSX with a merged title row and remembers the mapping for that CB', async () => {
      expect((await isa.post('/api/v1/orgs/acme/audits', audit('S2-X', 'Nordic Cert'))).statusCode).toBe(201);
      const first = await send('S2-X', 'nordic.xlsx', await xlsxWithTitle(), {
        mapping: JSON.stringify({ evidence: 'Evidence seen' }),
      });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ imported: 1, headerRow: 3, remembered: false });
      expect(first.json().mapping.statement).toBe('Statement of nonconformity');
      // The next report of the same CB (another audit, other case) is read with the remembered headers.
      expect((await isa.post('/api/v1/orgs/acme/audits', audit('SURV-X', 'nordic  cert'))).statusCode).toBe(
        201,
      );
      const csv =
        'Ref,Type,Standard clause,Statement of nonconformity,Evidence seen\r\nNC-1,Minor,8.1,Gap,Log\r\n';
      const next = await send('SURV-X', 'next.csv', Buffer.from(csv), { dryRun: 'true' });
      expect(next.json()).toMatchObject({
        remembered: true,
        errors: [],
        mapping: { evidence: 'Evidence seen' },
      });
    });

    it('accepts a partial mapping from the command line', async () => {
      const db = await migratedDatabase(kind);
      const flags = ['--data-dir', db.dataDir, ...(db.databaseUrl ? ['--database-url', db.databaseUrl] : [])];
      const org = ['org', 'create', '--slug', 'cb', '--name', 'CB', '--admin-email', 'a@cb.test'];
      expect((await cli([...org, '--admin-password', 'long enough password', ...flags])).code).toBe(0);
      const mk = ['audit', 'create', '--org', 'cb', '--ref', 'A1', '--type', 'stage2', '--body', 'Certa'];
      expect((await cli([...mk, ...flags])).code).toBe(0);
      const fs = await import('node:fs');
      const file = `${db.dataDir}/certa.csv`;
      fs.writeFileSync(file, cbCsv);
      const base = ['import', 'findings', file, '--org', 'cb', '--audit', 'A1', ...flags];
      const r = await cli([...base, '--map', 'ref=NC No.', '--map', 'statement=Finding']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ imported: 2, headerRow: 3 });
      const bad = await cli([...base, '--map', 'clause=Clause']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("'clause' is not a template column");
    });
  });
}
