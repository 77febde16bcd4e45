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
  /** 1 while the finding is a minor not finished: a member of systemic groups (migration 0030). */
  open_minor: number;
  /** The audit's certification cycle, or the audit itself when it has none. */
  cycle_key: string;
  /** The finding's ref: a group's first members are named in ref order. */
  ref: string;
}

/** The process ("area") a finding is raised in, keyed as systemic groups compare it (migration 0030). */
export interface FindingAreaTable {
  finding_id: string;
  organisation_id: string;
  /** The area trimmed and in lower case; '' when none. */
  area_key: string;
  open_minor: number;
  cycle_key: string;
  ref: string;
}

/** An organisation whose derived figures (the posture trend) a background job must refresh. */
export interface DerivedDirtyTable {
  organisation_id: string;
  marked_at: string;
  ran_at: string | null;
}

export interface DerivedTables {
  finding_requirement: FindingRequirementTable;
  finding_area: FindingAreaTable;
  derived_dirty: DerivedDirtyTable;
}
