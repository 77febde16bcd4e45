// Moving an SoA written against ISO/IEC 27001:2013 (114 controls) onto the 2022 Annex A (93 controls)
// with the ISO/IEC 27002:2022 Annex B correspondence. Several 2013 controls merge into one 2022 control:
// it is applicable when any of them was, and no further along than the least advanced applicable one.
// Controls new in 2022 have no predecessor and are left for a decision.

import type { ImplementationStatus } from './soa.ts';

export interface Entry2013 {
  id: string;
  applicable: boolean;
  status: ImplementationStatus;
  justification: string;
  implementation: string;
}

export interface Proposal2022 {
  controlId: string;
  from: string[];
  applicable: boolean;
  status: ImplementationStatus;
  justification: string;
  implementation: string;
  /** Needs a person's decision: new in 2022, or its 2013 sources disagree on applicability. */
  review: string | null;
}

const order: ImplementationStatus[] = ['not_started', 'planned', 'partial', 'implemented'];

export function migrate2013(
  controls2022: readonly { id: string }[],
  correspondence: readonly { from: string; to: string }[],
  old: readonly Entry2013[],
): { proposals: Proposal2022[]; unknown: string[] } {
  const byId = new Map(old.map((e) => [e.id, e]));
  const known = new Set(correspondence.map((m) => m.from));
  const proposals = controls2022.map((c): Proposal2022 => {
    const from = correspondence.filter((m) => m.to === c.id).map((m) => m.from);
    const sources = from.map((id) => byId.get(id)).filter((e): e is Entry2013 => e !== undefined);
    if (sources.length === 0)
      return {
        controlId: c.id,
        from,
        applicable: true,
        status: 'not_started',
        justification: '',
        implementation: '',
        review:
          from.length === 0
            ? 'new in ISO/IEC 27001:2022: decide applicability'
            : 'no 2013 entry given for its predecessors',
      };
    const applicable = sources.filter((s) => s.applicable);
    const status =
      applicable.length === 0
        ? 'not_started'
        : order[Math.min(...applicable.map((s) => order.indexOf(s.status)))]!;
    const mixed = applicable.length > 0 && applicable.length < sources.length;
    return {
      controlId: c.id,
      from,
      applicable: applicable.length > 0,
      status,
      justification:
        applicable.length === 0 ? sources.map((s) => `${s.id}: ${s.justification}`.trim()).join('\n') : '',
      implementation: applicable
        .filter((s) => s.implementation.trim() !== '')
        .map((s) => `${s.id}: ${s.implementation}`)
        .join('\n'),
      review: mixed
        ? `its 2013 predecessors disagree (${sources.map((s) => `${s.id} ${s.applicable ? 'applicable' : 'excluded'}`).join(', ')})`
        : sources.length < from.length
          ? `decided on ${sources.map((s) => s.id).join(', ')} only; also merges ${from.filter((id) => !byId.has(id)).join(', ')}`
          : null,
    };
  });
  return { proposals, unknown: old.map((e) => e.id).filter((id) => !known.has(id)) };
}
