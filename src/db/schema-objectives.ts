import type { ObjectiveStatus, TargetDirection } from '../vocabulary/index.ts';
// Information security objectives (migration 0027, ISO/IEC 27001:2022 6.2) and their recorded results.
export interface IsmsObjectiveTable {
  id: string;
  organisation_id: string;
  ref: string;
  title: string;
  policy: string;
  measure: string;
  target: number;
  direction: TargetDirection;
  unit: string;
  plan: string;
  resources: string;
  owner: string;
  due_on: string | null;
  evaluation: string;
  status: ObjectiveStatus;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export interface IsmsObjectiveResultTable {
  id: string;
  organisation_id: string;
  objective_id: string;
  measured_on: string;
  value: number;
  note: string;
  recorded_by: string;
  recorded_at: string;
}

export interface ObjectiveTables {
  isms_objective: IsmsObjectiveTable;
  isms_objective_result: IsmsObjectiveResultTable;
}

// Merged into the one `Database` of schema.ts (kept under its size limit) by module augmentation.
declare module './schema.ts' {
  interface Database extends ObjectiveTables {}
}
