// Kept so existing imports (src/modules/reports, the CLI) keep working: the model lives in document.ts.
export type {
  Block,
  Cell,
  KeyValueItem,
  ReportDocument,
  ReportMeta,
  TableBlock,
  TableColumn,
} from './document.ts';
