import {
  DOCUMENT_FACTOR,
  FINDINGS_SCALE,
  IMPLEMENTATION_FACTOR,
  type PostureFinding,
  type PostureInput,
} from './model.ts';
import type { AreaScore } from './scores.ts';

// Readiness per clause 4–10 (from the mandatory documented information of each clause) and per Annex A
// theme (from the applicable controls of each theme), each reduced by the open findings raised against a
// requirement of that clause or theme. A finding naming several requirements shares its load among them.

const CLAUSES: [string, string][] = [
  ['4', 'Context of the organization'],
  ['5', 'Leadership'],
  ['6', 'Planning'],
  ['7', 'Support'],
  ['8', 'Operation'],
  ['9', 'Performance evaluation'],
  ['10', 'Improvement'],
];
const THEMES: [string, string][] = [
  ['organizational', 'Organizational controls (5)'],
  ['people', 'People controls (6)'],
  ['physical', 'Physical controls (7)'],
  ['technological', 'Technological controls (8)'],
];
/** The organisation's own controls (6.1.3 b NOTE 1): an area only for an SoA that lists any. */
const OWN_AREA: [string, string] = ['other', 'Own controls (6.1.3 b)'];

const clauseOf = (ref: string) => /^(\d+)/.exec(ref.trim())?.[1] ?? null;

export function areaScores(
  input: PostureInput,
  loads: { f: PostureFinding; load: number }[],
): { byClause: AreaScore[]; byTheme: AreaScore[] } {
  const themeOf = new Map(input.controls.map((c) => [c.id, c.theme as string]));
  // Findings cite `A.8.8` for an Annex A control, the own id (`ORG-1`) for an own one, `9.2` for a clause.
  const areaOf = (r: string) =>
    r.startsWith('A.') ? themeOf.get(r.slice(2)) : /^\d/.test(r) ? clauseOf(r) : themeOf.get(r);
  const areaLoad = new Map<string, { load: number; findings: Set<string> }>();
  for (const { f, load } of loads) {
    const areas = f.requirements.map(areaOf).filter((a): a is string => a !== undefined && a !== null);
    for (const a of areas) {
      const e = areaLoad.get(a) ?? { load: 0, findings: new Set<string>() };
      e.load += load / areas.length;
      e.findings.add(f.id);
      areaLoad.set(a, e);
    }
  }
  const area = (key: string, label: string, inPlace: number | null): AreaScore => {
    const l = areaLoad.get(key);
    const findingsLoad = l?.load ?? 0;
    return {
      key,
      label,
      inPlace,
      score:
        inPlace === null ? null : Math.round(1000 * inPlace * Math.exp(-findingsLoad / FINDINGS_SCALE)) / 10,
      findingsLoad,
      openFindings: l?.findings.size ?? 0,
    };
  };
  const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  return {
    byClause: CLAUSES.map(([key, label]) =>
      area(
        key,
        `${key} ${label}`,
        mean(input.documents.filter((d) => clauseOf(d.clause) === key).map((d) => DOCUMENT_FACTOR[d.state])),
      ),
    ),
    byTheme: [...THEMES, ...(input.controls.some((c) => c.theme === 'other') ? [OWN_AREA] : [])].map(
      ([key, label]) =>
        area(
          key,
          label,
          mean(
            input.controls
              .filter((c) => c.theme === key && c.applicable)
              .map((c) => IMPLEMENTATION_FACTOR[c.status]),
          ),
        ),
    ),
  };
}
