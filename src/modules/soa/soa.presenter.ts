import type { SoaEntry, SoaVersionSummary } from '../../contracts/isms-soa.ts';
import type { SoaEntryTable, SoaVersionTable } from '../../db/schema-isms.ts';
import {
  type ImplementationStatus,
  type InclusionReason,
  type SoaEntryState,
  soaSummary,
  validateEntry,
} from '../../domain/isms/soa.ts';
import { annexAControls } from '../../reference/catalogue.ts';

export const controlsById = new Map(annexAControls().map((c) => [c.id, c]));
/** Catalogue order (5.1 … 8.34), the order of Annex A and of every export. */
export const catalogueOrder = new Map(annexAControls().map((c, i) => [c.id, i]));

export function entryState(r: SoaEntryTable): SoaEntryState {
  return {
    controlId: r.control_id,
    applicable: r.applicable === 1 || (r.applicable as unknown) === true,
    reasons: JSON.parse(r.reasons_json) as InclusionReason[],
    justification: r.justification,
    status: r.status as ImplementationStatus,
    owner: r.owner,
    implementation: r.implementation,
    evidence: JSON.parse(r.evidence_json) as string[],
    documents: JSON.parse(r.documents_json) as string[],
  };
}

/** Annex A in catalogue order (5.1 … 8.34), then the other necessary controls by their own id. */
export function sortedStates(rows: readonly SoaEntryTable[]): SoaEntryState[] {
  const rank = (id: string) => catalogueOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  return rows
    .map(entryState)
    .sort((a, b) => rank(a.controlId) - rank(b.controlId) || a.controlId.localeCompare(b.controlId));
}

/** The own titles of the other necessary controls of a version (6.1.3 b NOTE 1), by id. */
export const ownTitles = (rows: readonly SoaEntryTable[]) =>
  new Map(rows.filter((r) => !controlsById.has(r.control_id)).map((r) => [r.control_id, r.title]));

const noAttributes = {
  controlType: [],
  informationSecurityProperties: [],
  cybersecurityConcepts: [],
  operationalCapabilities: [],
  securityDomains: [],
};

export interface EntryLinks {
  risks: ReadonlyMap<string, string[]>;
  findings: ReadonlyMap<string, string[]>;
}

/** An SoA line; another necessary control (not Annex A) shows its own title and no 27002 attributes. */
export function presentEntry(s: SoaEntryState, links: EntryLinks, ownTitle?: string): SoaEntry {
  const c = controlsById.get(s.controlId);
  const risks = links.risks.get(s.controlId) ?? [];
  return {
    ...s,
    title: c?.title ?? ownTitle ?? s.controlId,
    source: c ? 'annex_a' : 'other',
    theme: c?.theme ?? 'other',
    attributes: c?.attributes ?? noAttributes,
    risks,
    findings: links.findings.get(s.controlId) ?? [],
    issues: validateEntry(s, risks.length > 0),
  };
}

export function presentSummary(v: SoaVersionTable, entries: readonly SoaEntry[]): SoaVersionSummary {
  return {
    number: v.number,
    status: v.status as 'draft' | 'approved',
    basedOn: v.based_on,
    changeNote: v.change_note,
    createdBy: v.created_by,
    createdAt: v.created_at,
    approvedBy: v.approved_by,
    approvedOn: v.approved_on,
    counts: {
      ...soaSummary(entries),
      issues: entries.reduce((n, e) => n + e.issues.length, 0),
    },
  };
}
