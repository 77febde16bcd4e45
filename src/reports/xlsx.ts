import ExcelJS from 'exceljs';
import type { ReportDocument } from './model.ts';

const sheetName = (s: string, used: Set<string>) => {
  const base =
    s
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 28)} ${i}`;
  used.add(name);
  return name;
};

/** Every table of the report as a filtered sheet with a frozen header, after an "About" sheet. */
export async function renderXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'closeloop';
  wb.title = doc.title;
  wb.created = new Date(doc.meta.generatedAt);
  const used = new Set<string>();
  const about = wb.addWorksheet(sheetName('About', used));
  about.columns = [
    { header: 'Field', key: 'k', width: 22 },
    { header: 'Value', key: 'v', width: 80 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow({ k: 'Report', v: doc.title });
  for (const [k, v] of Object.entries(doc.meta)) if (v) about.addRow({ k, v });
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    const ws = wb.addWorksheet(sheetName(block.title ?? 'Data', used), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    ws.columns = block.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: Math.min(60, Math.max(12, (c.width ?? 1) * 14)),
    }));
    ws.getRow(1).font = { bold: true };
    // Values go in as plain strings and numbers: a cell that looks like a formula stays text.
    for (const r of block.rows)
      ws.addRow(Object.fromEntries(block.columns.map((c) => [c.key, r[c.key] ?? null])));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: block.columns.length } };
    ws.eachRow((row) => {
      row.alignment = { vertical: 'top', wrapText: true };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
