// Coverage of another framework (SOC 2 2017 TSC, NIST CSF 2.0) by the ISMS, read through a mapping from
// ISO/IEC 27001:2022. Each target (criterion, subcategory) is covered as far as the Annex A controls
// mapped to it are implemented according to the SoA. Clauses 4–10 cannot be excluded from an ISMS, so a
// clause source is in place unless an open nonconformity is raised against it: an open major leaves it
// not in place (the requirement is not fulfilled, ISO/IEC 27001:2022 3.28), an open minor half in place.

import type { ImplementationStatus } from './soa.ts';

// The organisation's own controls (6.1.3 b NOTE 1) have no official mapping to any framework: none is
// shipped and none is ever inferred. They show as "own control — not mapped" and cover nothing, unless
// the organisation states a mapping itself; such a row is marked as the organisation's (origin
// `organisation`), never as a correction of the shipped data.

/** Where a mapping row starts: an Annex A control, a clause of 4–10, or an own control of the SoA. */
export type SourceKind = 'annex_a' | 'clause' | 'own_control';

export interface MappingRow {
  from: string;
  fromKind: SourceKind;
  to: string;
  relationship: string;
}

export interface Override {
  from: string;
  fromKind: SourceKind;
  to: string;
  /** `null` removes the shipped row; otherwise the row is added or its relationship replaced. */
  relationship: string | null;
  reason: string;
  by: string;
}

/** `shipped` data, the organisation's `override` of a shipped row, or its own `organisation` mapping. */
export type RowOrigin = 'shipped' | 'override' | 'organisation';

/** Shipped rows with the organisation's corrections applied; each row says where it comes from. */
export function effectiveMapping(
  shipped: readonly MappingRow[],
  overrides: readonly Override[],
): (MappingRow & { origin: RowOrigin; reason: string | null })[] {
  const key = (r: { from: string; fromKind: string; to: string }) => `${r.fromKind}|${r.from}|${r.to}`;
  const byKey = new Map(overrides.map((o) => [key(o), o]));
  const rows: (MappingRow & { origin: RowOrigin; reason: string | null })[] = [];
  for (const r of shipped) {
    const o = byKey.get(key(r));
    if (!o) rows.push({ ...r, origin: 'shipped', reason: null });
    else if (o.relationship !== null)
      rows.push({ ...r, relationship: o.relationship, origin: 'override', reason: o.reason });
    byKey.delete(key(r));
  }
  for (const o of byKey.values())
    if (o.relationship !== null)
      rows.push({
        from: o.from,
        fromKind: o.fromKind,
        to: o.to,
        relationship: o.relationship,
        origin: o.fromKind === 'own_control' ? 'organisation' : 'override',
        reason: o.reason,
      });
  return rows;
}

export interface ControlState {
  applicable: boolean;
  status: ImplementationStatus;
}

/** Open nonconformities against a clause of 4–10, as findings cite them (`9.2`, `6.1.3`). */
export interface OpenClauseFinding {
  grade: 'major' | 'minor';
  requirements: readonly string[];
}

/** A finding citing `9.2` touches the clause source `9.2`, `9.2.1` and `9`; not `9.3` nor `A.9`. */
const touches = (requirement: string, clause: string) =>
  requirement === clause || requirement.startsWith(`${clause}.`) || clause.startsWith(`${requirement}.`);

/** How far a clause of 4–10 is in place given the open nonconformities against it. */
export function clauseScore(clause: string, open: readonly OpenClauseFinding[]): number {
  const against = open.filter((f) => f.requirements.some((r) => touches(r.trim(), clause)));
  if (against.some((f) => f.grade === 'major')) return 0;
  return against.length > 0 ? 0.5 : 1;
}

/** How far one source is in place: implemented 1, partial ½, anything else (or excluded) 0. */
export function sourceScore(
  fromKind: SourceKind,
  c: ControlState | undefined,
  from = '',
  open: readonly OpenClauseFinding[] = [],
): number {
  if (fromKind === 'clause') return clauseScore(from, open);
  if (!c?.applicable) return 0;
  return c.status === 'implemented' ? 1 : c.status === 'partial' ? 0.5 : 0;
}

export type CoverageLevel = 'covered' | 'partial' | 'gap' | 'unmapped';

export interface TargetCoverage {
  id: string;
  title: string;
  group: string;
  level: CoverageLevel;
  /** 0..100, the mean score of the sources mapped to this target. */
  percent: number;
  sources: {
    from: string;
    fromKind: SourceKind;
    relationship: string;
    origin: RowOrigin;
    score: number;
  }[];
}

export function coverage(
  targets: readonly { id: string; title: string; group: string }[],
  rows: readonly (MappingRow & { origin: RowOrigin })[],
  controls: ReadonlyMap<string, ControlState>,
  openAgainstClauses: readonly OpenClauseFinding[] = [],
): { targets: TargetCoverage[]; percent: number; gaps: TargetCoverage[] } {
  const result = targets.map((t): TargetCoverage => {
    const sources = rows
      .filter((r) => r.to === t.id)
      .map((r) => ({
        from: r.from,
        fromKind: r.fromKind,
        relationship: r.relationship,
        origin: r.origin,
        score: sourceScore(r.fromKind, controls.get(r.from), r.from, openAgainstClauses),
      }));
    if (sources.length === 0) return { ...t, level: 'unmapped', percent: 0, sources };
    const mean = sources.reduce((s, x) => s + x.score, 0) / sources.length;
    const level = mean === 1 ? 'covered' : mean > 0 ? 'partial' : 'gap';
    return { ...t, level, percent: Math.round(mean * 100), sources };
  });
  const total = result.reduce((s, t) => s + t.percent, 0);
  return {
    targets: result,
    percent: result.length === 0 ? 0 : Math.round((total / result.length) * 10) / 10,
    gaps: result.filter((t) => t.level !== 'covered'),
  };
}

export const NOT_MAPPED = 'own control — not mapped';

/**
 * Each own control of the SoA with the targets the organisation itself maps it to (none is shipped): not
 * mapped, it covers nothing and says so.
 */
export function ownControlMappings(
  own: readonly { id: string; title: string }[],
  rows: readonly (MappingRow & { origin: RowOrigin })[],
): { id: string; title: string; mappedTo: string[]; note: string }[] {
  return own.map((c) => {
    const mappedTo = rows.filter((r) => r.fromKind === 'own_control' && r.from === c.id).map((r) => r.to);
    return {
      ...c,
      mappedTo,
      note:
        mappedTo.length === 0
          ? NOT_MAPPED
          : `own control — mapped by the organisation to ${mappedTo.join(', ')} (not an official mapping)`,
    };
  });
}
