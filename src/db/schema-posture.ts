import type { DerivedTables } from './schema-derived.ts';

// Table types of migration 0007 (posture history).
export interface PostureSnapshotTable {
  id: string;
  organisation_id: string;
  recorded_at: string;
  recorded_on: string;
  model_version: string;
  trigger: string;
  alignment: number;
  /** 0–950 of models /1–/2; kept for the record, not read (migration 0018). */
  posture: number;
  /** Implementation score 0–100 (migration 0018; older rows carried over as posture ÷ 9.5). */
  implementation: number | null;
  open_findings: number;
  areas_json: string;
}

/** The posture history and the derived rows kept beside the records (migration 0020). */
export interface PostureTables extends DerivedTables {
  posture_snapshot: PostureSnapshotTable;
}
