// Submitted CAP revisions (migration 0011, issue #14).
export interface CapRevisionTable {
  id: string;
  organisation_id: string;
  audit_id: string;
  number: number;
  submitted_by_user_id: string | null;
  /** "Name (Role)" of the submitter, as printed. */
  submitted_by: string;
  submitted_at: string;
  approved_by_user_id: string | null;
  approved_by: string | null;
  approved_at: string | null;
  /** The ReportDocument as submitted. */
  document_json: string;
}

// The column mapping of a certification body's reports (migration 0019, issue #19).
export interface ImportMappingTable {
  organisation_id: string;
  /** Normalised certification body name. */
  certification_body: string;
  /** { templateColumn: header } as last imported. */
  mapping_json: string;
  updated_by_user_id: string | null;
  updated_at: string;
}

export interface ImportTables {
  import_mapping: ImportMappingTable;
}
