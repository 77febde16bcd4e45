// One serialisable model per report, rendered as PDF, XLSX or JSON, so the three always agree.

export type Cell = string | number | boolean | null;

export interface TableBlock {
  kind: 'table';
  title?: string;
  columns: { key: string; header: string; width?: number }[];
  rows: Record<string, Cell>[];
}

export type Block =
  | { kind: 'heading'; text: string; level: 1 | 2 | 3 }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; items: { label: string; value: string }[] }
  | { kind: 'list'; items: string[] }
  | TableBlock
  | { kind: 'pageBreak' };

export interface ReportDocument {
  title: string;
  subtitle?: string;
  meta: { organisation: string; audit?: string; version?: string; generatedAt: string; generatedBy?: string };
  blocks: Block[];
}
