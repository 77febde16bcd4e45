// Requirement references as auditors write them in a nonconformity report (ISO/IEC 27001:2022 clauses
// 4–10 and the Annex A controls; a finding must name the requirement it is raised against, ISO/IEC
// 17021-1 9.4.8.3).
//
// Rule, decided against the shipped clause list (clause 8 has only 8.1–8.3; clause ids stop at 10.2):
// - an `A.` / `A ` / `Annex A` prefix forces an Annex A control: `A.8.8`, `a.8.8`, `Annex A 8.8` → 8.8;
// - a `clause`, `cl.` or `§` prefix forces a clause: `clause 9.2.2`, `§10.1`;
// - a bare id that exists in only one set is that one: `8.8` is Annex A, `9.2` is a clause;
// - a bare id in both sets (5.1–5.3, 6.1–6.3, 7.1–7.4, 8.1–8.3) is the clause, because a report writes
//   Annex A controls with the `A.` prefix while clauses have none.
// Spaces around and inside are tolerated; anything else is refused with a message that says why.

/** Known ids; a Map also gives each requirement's title. */
type IdSet = ReadonlySet<string> | ReadonlyMap<string, string>;

export interface Catalogue {
  annexA: IdSet;
  clauses: IdSet;
}

export type RequirementKind = 'annex_a' | 'clause';

export type RequirementRef = { kind: RequirementKind; id: string; label: string; title: string | null };

export type ParsedRef = { ok: true; ref: RequirementRef } | { ok: false; message: string };

/** The canonical way to write a reference: `A.8.8` for a control, `8.1` for a clause. */
export function formatRequirementRef(ref: { kind: RequirementKind; id: string }): string {
  return ref.kind === 'annex_a' ? `A.${ref.id}` : ref.id;
}

const titleOf = (set: IdSet, id: string): string | null =>
  set instanceof Map ? ((set as ReadonlyMap<string, string>).get(id) ?? null) : null;

export function parseRequirementRef(raw: string, catalogue: Catalogue): ParsedRef {
  const text = raw.trim().replace(/\s+/g, ' ');
  const annex = /^(?:annex\s*a|a)\s*[.:\s]?\s*(\d+(?:\.\d+)*)$/i.exec(text);
  const clause = /^(?:clause|cl\.?|§)\s*(\d+(?:\.\d+)*)$/i.exec(text);
  const bare = /^(\d+(?:\.\d+)*)$/.exec(text);
  const make = (kind: RequirementKind, id: string): ParsedRef => {
    const set = kind === 'annex_a' ? catalogue.annexA : catalogue.clauses;
    if (!set.has(id)) {
      return {
        ok: false,
        message: `${raw.trim()} is not ${kind === 'annex_a' ? 'an Annex A control' : 'a clause'} of ISO/IEC 27001:2022`,
      };
    }
    return {
      ok: true,
      ref: { kind, id, label: formatRequirementRef({ kind, id }), title: titleOf(set, id) },
    };
  };
  if (annex) return make('annex_a', annex[1]!);
  if (clause) return make('clause', clause[1]!);
  if (bare) {
    const id = bare[1]!;
    if (catalogue.clauses.has(id)) return make('clause', id);
    if (catalogue.annexA.has(id)) return make('annex_a', id);
    return {
      ok: false,
      message: `${id} is neither a clause (4–10) nor an Annex A control of ISO/IEC 27001:2022`,
    };
  }
  return { ok: false, message: `"${raw.trim()}" is not a requirement reference (write e.g. A.8.8 or 9.2)` };
}
