// Nonconformity handling by audit type (migration 0009-lifecycle, issue #13): the review of effectiveness
// of a corrective action (ISO/IEC 27001:2022 10.2 d) as its own record. One current row per finding
// (superseded_at null); a review found not effective is kept and a new one is planned after the new
// cause analysis.
export interface EffectivenessReviewTable {
  id: string;
  organisation_id: string;
  finding_id: string;
  criteria: string;
  due_on: string | null;
  reviewer_user_id: string | null;
  result: string | null;
  notes: string;
  /** Evidence files examined, by id, file name and SHA-256 (JSON array). */
  evidence_json: string;
  reviewed_on: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
  superseded_at: string | null;
}

export interface LifecycleTables {
  effectiveness_review: EffectivenessReviewTable;
}
