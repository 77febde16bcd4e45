// Derived data kept beside the records it is computed from (migration 0020, issue #16).

/** One row per requirement a finding cites, so escalation groups are found by index, not by scanning. */
export interface FindingRequirementTable {
  organisation_id: string;
  requirement: string;
  finding_id: string;
  /** 1 while the finding's corrective action is verified (RESOLVED_STATUSES), else 0 (migration 0029). */
  resolved: number;
  /** The finding's created_at, so "earlier resolved" is read from this table's index alone. */
  finding_created_at: string;
}

/** An organisation whose derived figures (the posture trend) a background job must refresh. */
export interface DerivedDirtyTable {
  organisation_id: string;
  marked_at: string;
  ran_at: string | null;
}

export interface DerivedTables {
  finding_requirement: FindingRequirementTable;
  derived_dirty: DerivedDirtyTable;
}
