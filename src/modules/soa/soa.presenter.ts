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

export function sortedStates(rows: readonly SoaEntryTable[]): SoaEntryState[] {
  return rows
    .map(entryState)
    .sort((a, b) => (catalogueOrder.get(a.controlId) ?? 0) - (catalogueOrder.get(b.controlId) ?? 0));
}

export interface EntryLinks {
  risks: ReadonlyMap<string, string[]>;
  findings: ReadonlyMap<string, string[]>;
}

export function presentEntry(s: SoaEntryState, links: EntryLinks): SoaEntry {
  const c = controlsById.get(s.controlId);
  if (!c) throw new Error(`SoA entry for unknown control ${s.controlId}`);
  const risks = links.risks.get(s.controlId) ?? [];
  return {
    ...s,
    title: c.title,
    theme: c.theme,
    attributes: c.attributes,
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
