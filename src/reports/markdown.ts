// The report document model as Markdown (CommonMark + GFM tables), for readers that take text: the MCP
// resources an assistant reads (issue #20). Says what the PDF says; charts become their figures as lists.
import type { Block, Cell, ReportDocument } from './document.ts';

const cell = (v: Cell) =>
  v === null
    ? ''
    : typeof v === 'boolean'
      ? v
        ? 'yes'
        : 'no'
      : String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${b.text}`;
    case 'paragraph':
      return b.text;
    case 'keyValue':
    case 'fields':
      return b.items.map((i) => `- **${i.label}:** ${i.value.replace(/\n/g, ' ')}`).join('\n');
    case 'bulletList':
    case 'list':
      return [b.label ? `**${b.label}**` : '', ...b.items.map((i) => `- ${i}`)].filter(Boolean).join('\n');
    case 'table': {
      const caption = b.caption ?? b.title;
      const head = `| ${b.columns.map((c) => cell(c.header)).join(' | ')} |`;
      const rule = `| ${b.columns.map(() => '---').join(' | ')} |`;
      const rows = b.rows.map((r) => `| ${b.columns.map((c) => cell(r[c.key] ?? null)).join(' | ')} |`);
      return [caption ? `**${caption}**` : '', head, rule, ...rows].filter(Boolean).join('\n');
    }
    case 'bars':
      return [
        `**${b.caption}**`,
        ...b.items.map((i) => `- ${i.label}: ${i.value ?? '—'}${b.unit ?? ''}`),
      ].join('\n');
    case 'lineChart':
      return [
        `**${b.caption}**`,
        ...b.series.map((s) => `- ${s.label}: ${s.values.map((v, i) => `${b.labels[i]} ${v}`).join(', ')}`),
      ].join('\n');
    case 'pageBreak':
      return '---';
  }
}

export function renderMarkdown(doc: ReportDocument): string {
  const meta = Object.entries(doc.meta)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `- ${k}: ${v}`);
  const parts = [`# ${doc.title}`, doc.subtitle ?? '', meta.join('\n'), ...doc.blocks.map(block)];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}
