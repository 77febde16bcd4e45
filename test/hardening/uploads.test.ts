import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateColumns } from '../../src/domain/findings/import-rows.ts';
import { type Client, hasKind, kinds, ORIGIN, startTestApp, type TestApp } from '../support/harness.ts';
import { upload } from '../support/multipart.ts';
import { contentTypes, makeZip, sheetWorkbook as workbook, xml } from '../support/zip.ts';
import { acmeWithFinding } from './fixture.ts';

async function rawMultipart(c: Client, url: string, contentType: string, payload: Buffer | string) {
  return c.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': contentType,
      origin: ORIGIN,
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

for (const kind of kinds) {
  describe.runIf(hasKind(kind))(`bounded uploads on ${kind} (issue #18)`, () => {
    let t: TestApp;
    let admin: Client;
    let base: string;
    beforeAll(async () => {
      t = await startTestApp(kind);
      const acme = await acmeWithFinding(t);
      admin = acme.admin;
      base = `/api/v1/orgs/acme/findings/${acme.findingId}`;
    });
    afterAll(async () => t?.close());

    it('accepts a real docx and xlsx over 1 MB as evidence (no stack overflow in the sniffer)', async () => {
      const docx = makeZip([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'word/document.xml', data: xml('<w:document/>') },
        { name: 'word/media/image1.bin', data: randomBytes(1_200_000), store: true },
      ]);
      const up = await upload(admin, `${base}/evidence`, 'policy.docx', docx);
      expect(up.statusCode).toBe(201);
      expect(up.json().mediaType).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const xlsx = makeZip([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'xl/workbook.xml', data: xml('<workbook/>') },
        { name: 'xl/media/image1.bin', data: randomBytes(1_100_000), store: true },
      ]);
      const up2 = await upload(admin, `${base}/evidence`, 'scan.xlsx', xlsx);
      expect(up2.statusCode).toBe(201);
      expect(up2.json().mediaType).toMatch(/spreadsheetml/);
    });

    it('refuses a decompression bomb in the findings import with 413 before parsing it', async () => {
      // ~60 MB of sheet XML that deflates to well under 1 MB.
      const bomb = workbook(20_000, 60);
      expect(bomb.length).toBeLessThan(1_000_000);
      const res = await upload(admin, '/api/v1/orgs/acme/audits/S2-2026/import', 'report.xlsx', bomb, {
        dryRun: 'true',
      });
      expect(res.statusCode).toBe(413);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('payload_too_large');
    });

    it('refuses a sheet with too many rows or cells, and an archive with too many entries', async () => {
      const tall = await upload(
        admin,
        '/api/v1/orgs/acme/audits/S2-2026/import',
        'r.xlsx',
        workbook(20_001, 1),
        {
          dryRun: 'true',
        },
      );
      expect(tall.statusCode).toBe(413);
      expect(tall.json().detail).toMatch(/rows/);
      const many = makeZip([
        { name: '[Content_Types].xml', data: contentTypes },
        ...Array.from({ length: 1500 }, (_, i) => ({ name: `xl/x${i}.xml`, data: xml('<a/>') })),
      ]);
      const res = await upload(admin, '/api/v1/orgs/acme/audits/S2-2026/import', 'r.xlsx', many, {
        dryRun: 'true',
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().detail).toMatch(/entries/);
    });

    it('still reads an ordinary workbook', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('NCs');
      ws.addRow([...templateColumns]);
      ws.addRow(['NC-02', 'minor', 'A.5.15', 'Access reviews are late.', 'Two reviews missing.', '']);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      const ok = await upload(admin, '/api/v1/orgs/acme/audits/S2-2026/import', 'r.xlsx', bytes, {
        dryRun: 'true',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().errors, ok.body).toEqual([]);
    });

    it('reads only the entries the central directory lists, whatever local headers precede them (#16)', async () => {
      // The streaming reader (unzipper) walks local headers in order. A sheet hidden before the real entries,
      // absent from the central directory, would be parsed by it unchecked (a bomb the bounds never saw);
      // the import feeds it a ZIP rebuilt from the checked directory, so only the listed sheet is read.
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('NCs').addRow([...templateColumns]);
      wb.worksheets[0]!.addRow(['NC-03', 'minor', 'A.5.15', 'Access reviews are late.', '', '']);
      const real = Buffer.from(await wb.xlsx.writeBuffer());
      const hiddenSheet = xml(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
          '<row r="1"><c r="A1" t="inlineStr"><is><t>ref</t></is></c></row></sheetData></worksheet>',
      );
      const hidden = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: hiddenSheet }]);
      const hiddenLocal = hidden.subarray(0, hidden.readUInt32LE(hidden.length - 22 + 16));
      const crafted = Buffer.concat([hiddenLocal, real]);
      // Shift the real archive's directory offsets past the hidden entry.
      const eocd = crafted.length - 22;
      const cd = crafted.readUInt32LE(eocd + 16) + hiddenLocal.length;
      crafted.writeUInt32LE(cd, eocd + 16);
      for (let p = cd, n = 0; n < crafted.readUInt16LE(eocd + 10); n++) {
        crafted.writeUInt32LE(crafted.readUInt32LE(p + 42) + hiddenLocal.length, p + 42);
        p += 46 + crafted.readUInt16LE(p + 28) + crafted.readUInt16LE(p + 30) + crafted.readUInt16LE(p + 32);
      }
      const res = await upload(admin, '/api/v1/orgs/acme/audits/S2-2026/import', 'r.xlsx', crafted, {
        dryRun: 'true',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ rows: 1, errors: [], findings: [{ ref: 'NC-03' }] });
    });

    it('answers 400, never 500, to multipart without a boundary or with an unterminated body', async () => {
      const urls = [`${base}/evidence`, '/api/v1/orgs/acme/audits/S2-2026/import'];
      for (const url of urls) {
        const noBoundary = await rawMultipart(admin, url, 'multipart/form-data', 'hello');
        expect(noBoundary.statusCode, url).toBe(400);
        expect(noBoundary.headers['content-type']).toMatch(/problem\+json/);
        const unterminated = await rawMultipart(
          admin,
          url,
          'multipart/form-data; boundary=XX',
          '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 no end',
        );
        expect(unterminated.statusCode, url).toBe(400);
        expect(unterminated.headers['content-type']).toMatch(/problem\+json/);
      }
    });
  });
}
