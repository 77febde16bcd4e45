// Table types of migration 0005 (ISMS baseline). Dates are ISO text, lists are JSON text.
export interface SoaVersionTable {
  id: string;
  organisation_id: string;
  number: number;
  status: string;
  scope_json: string;
  change_note: string;
  based_on: number | null;
  created_by: string;
  approved_by: string | null;
  approved_by_user_id: string | null;
  approved_on: string | null;
  created_at: string;
  updated_at: string;
  /** Warnings the version was approved with (migration 0018), JSON list. */
  approval_warnings_json: string;
}

export interface SoaEntryTable {
  id: string;
  organisation_id: string;
  version_id: string;
  control_id: string;
  applicable: number;
  reasons_json: string;
  justification: string;
  status: string;
  owner: string;
  implementation: string;
  evidence_json: string;
  documents_json: string;
  updated_at: string;
  /** Own title of another necessary control (not Annex A); '' for Annex A (migration 0018). */
  title: string;
}

export interface SoaChangeTable {
  id: string;
  organisation_id: string;
  version_id: string;
  control_id: string | null;
  changes_json: string;
  reason: string;
  actor_label: string;
  at: string;
}

export interface RiskMatrixTable {
  organisation_id: string;
  definition_json: string;
  updated_at: string;
}

export interface RiskTable {
  id: string;
  organisation_id: string;
  ref: string;
  title: string;
  asset: string;
  threat: string;
  vulnerability: string;
  owner: string;
  inherent_likelihood: number;
  inherent_impact: number;
  residual_likelihood: number;
  residual_impact: number;
  treatment: string;
  treatment_plan: string;
  controls_json: string;
  actions_json: string;
  review_on: string | null;
  /** The risk owner's approval of the treatment plan and acceptance of residual risk (6.1.3 f). */
  treatment_approved_by: string | null;
  treatment_approved_on: string | null;
  residual_accepted_by: string | null;
  residual_accepted_on: string | null;
  created_at: string;
  updated_at: string;
}

/** Context of the organisation (4.1, 4.2) with the climate-change determination (Amd 1:2024); migration 0018. */
export interface IsmsContextTable {
  organisation_id: string;
  issues_json: string;
  parties_json: string;
  feedback_json: string;
  climate_relevant: number | null;
  climate_statement: string;
  determined_on: string | null;
  updated_by: string;
  updated_at: string;
}

export interface IsmsDocumentTable {
  id: string;
  organisation_id: string;
  ref: string;
  title: string;
  requirement_key: string | null;
  owner: string;
  owner_email: string | null;
  version: string;
  location: string;
  approved_by: string | null;
  approved_on: string | null;
  next_review_on: string | null;
  last_reminded_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface CrosswalkOverrideTable {
  id: string;
  organisation_id: string;
  framework: string;
  from_kind: string;
  from_id: string;
  to_id: string;
  relationship: string | null;
  reason: string;
  created_by: string;
  created_at: string;
}

/** The ISMS tables, merged into `Database` in schema.ts. */
export interface IsmsTables {
  soa_version: SoaVersionTable;
  soa_entry: SoaEntryTable;
  soa_change: SoaChangeTable;
  risk_matrix: RiskMatrixTable;
  risk: RiskTable;
  isms_context: IsmsContextTable;
  isms_document: IsmsDocumentTable;
  crosswalk_override: CrosswalkOverrideTable;
}
