// Requirement references as auditors write them in a nonconformity report.
// Rule: an `A.` (or `Annex A`) prefix means an Annex A control; a `clause`, `cl.` or `§` prefix means a
// clause of 4–10. A bare id that exists in only one set is that one (`8.8` is Annex A: clause 8 has only
// 8.1–8.3). A bare id that exists in both (5.1–5.3, 6.1–6.3, 7.1–7.4, 8.1–8.3) is the clause, because a
// report writes Annex A controls with the `A.` prefix.

export interface Catalogue {
  annexA: ReadonlyMap<string, string>;
  clauses: ReadonlyMap<string, string>;
}

export type RequirementRef = { kind: 'annex_a' | 'clause'; id: string; label: string; title: string };

export type ParsedRef = { ok: true; ref: RequirementRef } | { ok: false; message: string };

export function parseRequirementRef(raw: string, catalogue: Catalogue): ParsedRef {
  const text = raw.trim().replace(/\s+/g, ' ');
  const annex = /^(?:annex\s*a|a)\s*[.:\s]?\s*(\d+(?:\.\d+)*)$/i.exec(text);
  const clause = /^(?:clause|cl\.?|§)\s*(\d+(?:\.\d+)*)$/i.exec(text);
  const bare = /^(\d+(?:\.\d+)*)$/.exec(text);
  const make = (kind: 'annex_a' | 'clause', id: string): ParsedRef => {
    const title = (kind === 'annex_a' ? catalogue.annexA : catalogue.clauses).get(id);
    if (!title) {
      return {
        ok: false,
        message: `${raw.trim()} is not ${kind === 'annex_a' ? 'an Annex A control' : 'a clause'} of ISO/IEC 27001:2022`,
      };
    }
    return { ok: true, ref: { kind, id, label: kind === 'annex_a' ? `A.${id}` : id, title } };
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
