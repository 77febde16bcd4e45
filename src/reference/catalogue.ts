import { z } from 'zod';
import {
  type AnnexAControl,
  annexAControlSchema,
  type Clause,
  type Control2013,
  clauseSchema,
  type Mapping2013,
  type NistCsf,
  type NistMappingRow,
  nistCsfSchema,
  nistMappingSchema,
  type Soc2Criterion,
  type Soc2MappingRow,
  soc2FileSchema,
  soc2MappingSchema,
  transitionFileSchema,
} from './catalogue-schemas.ts';
import transitionData from './data/iso27001-2013-to-2022.json' with { type: 'json' };
import annexAData from './data/iso27001-2022-annex-a.json' with { type: 'json' };
import clausesData from './data/iso27001-2022-clauses.json' with { type: 'json' };
import nistMappingData from './data/mapping-iso27001-2022-nist-csf-2.json' with { type: 'json' };
import soc2MappingData from './data/mapping-iso27001-2022-soc2.json' with { type: 'json' };
import nistData from './data/nist-csf-2.0.json' with { type: 'json' };
import soc2Data from './data/soc2-tsc-2017.json' with { type: 'json' };

export type {
  AnnexAControl,
  Clause,
  Control2013,
  Mapping2013,
  NistCsf,
  NistMappingRow,
  Soc2Criterion,
  Soc2MappingRow,
} from './catalogue-schemas.ts';

// Typed access to the shipped reference data (see PROVENANCE.md). Shapes and cross-references are checked
// once at load, so a damaged data file stops the process at start instead of producing wrong reports or
// mappings later.

export interface RawReferenceData {
  annexA: unknown;
  clauses: unknown;
  transition: unknown;
  soc2: unknown;
  nist: unknown;
  soc2Mapping: unknown;
  nistMapping: unknown;
}

export interface ReferenceCatalogue {
  annexA: readonly AnnexAControl[];
  clauses: readonly Clause[];
  controls2013: readonly Control2013[];
  mapping2013to2022: readonly Mapping2013[];
  soc2Criteria: readonly Soc2Criterion[];
  nistCsf: NistCsf;
  soc2Mapping: readonly Soc2MappingRow[];
  nistMapping: readonly NistMappingRow[];
}

function parse<T>(file: string, schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const first = r.error.issues[0]!;
  throw new Error(
    `reference data ${file} is malformed at ${first.path.join('.') || '(root)'}: ${first.message}`,
  );
}

function unique(file: string, ids: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const id of ids) {
    if (set.has(id)) throw new Error(`reference data ${file} repeats the id ${id}`);
    set.add(id);
  }
  return set;
}

function mustExist(file: string, what: string, id: string, known: ReadonlySet<string>): void {
  if (!known.has(id)) throw new Error(`reference data ${file} points at ${what} ${id}, which does not exist`);
}

/** Validates every file and every id a mapping points at; throws naming the file and the problem. */
export function loadCatalogue(raw: RawReferenceData): ReferenceCatalogue {
  // ISO/IEC 27001:2022 Annex A has 93 controls; any other count is another edition or a damaged file.
  const annexA = parse('iso27001-2022-annex-a.json', z.array(annexAControlSchema).length(93), raw.annexA);
  const clauseList = parse('iso27001-2022-clauses.json', z.array(clauseSchema).min(1), raw.clauses);
  const transition = parse('iso27001-2013-to-2022.json', transitionFileSchema, raw.transition);
  const soc2 = parse('soc2-tsc-2017.json', soc2FileSchema, raw.soc2);
  const nist = parse('nist-csf-2.0.json', nistCsfSchema, raw.nist);
  const soc2Mapping = parse('mapping-iso27001-2022-soc2.json', z.array(soc2MappingSchema), raw.soc2Mapping);
  const nistMapping = parse(
    'mapping-iso27001-2022-nist-csf-2.json',
    z.array(nistMappingSchema),
    raw.nistMapping,
  );

  const annexIds = unique(
    'iso27001-2022-annex-a.json',
    annexA.map((c) => c.id),
  );
  const clauseIds = unique(
    'iso27001-2022-clauses.json',
    clauseList.map((c) => c.id),
  );
  for (const c of clauseList)
    if (c.parent !== null) mustExist('clauses', 'parent clause', c.parent, clauseIds);
  const ids2013 = unique(
    'iso27001-2013-to-2022.json',
    transition.controls2013.map((c) => c.id),
  );
  for (const m of transition.mappings) {
    mustExist('iso27001-2013-to-2022.json', '2013 control', m.from, ids2013);
    mustExist('iso27001-2013-to-2022.json', 'Annex A control', m.to, annexIds);
  }
  const soc2Ids = unique(
    'soc2-tsc-2017.json',
    soc2.criteria.map((c) => c.id),
  );
  const nistIds = unique(
    'nist-csf-2.0.json',
    nist.subcategories.map((s) => s.id),
  );
  const fromKnown = (file: string, row: { from: string; fromKind: 'annex_a' | 'clause' }) =>
    row.fromKind === 'annex_a'
      ? mustExist(file, 'Annex A control', row.from, annexIds)
      : mustExist(file, 'clause', row.from, clauseIds);
  for (const row of soc2Mapping) {
    fromKnown('mapping-iso27001-2022-soc2.json', row);
    mustExist('mapping-iso27001-2022-soc2.json', 'SOC 2 criterion', row.to, soc2Ids);
  }
  for (const row of nistMapping) {
    fromKnown('mapping-iso27001-2022-nist-csf-2.json', row);
    mustExist('mapping-iso27001-2022-nist-csf-2.json', 'CSF subcategory', row.to, nistIds);
  }
  return {
    annexA,
    clauses: clauseList,
    controls2013: transition.controls2013,
    mapping2013to2022: transition.mappings,
    soc2Criteria: soc2.criteria,
    nistCsf: nist,
    soc2Mapping,
    nistMapping,
  };
}

export const shippedReferenceData: RawReferenceData = {
  annexA: annexAData,
  clauses: clausesData,
  transition: transitionData,
  soc2: soc2Data,
  nist: nistData,
  soc2Mapping: soc2MappingData,
  nistMapping: nistMappingData,
};

const catalogue = loadCatalogue(shippedReferenceData);

export const annexAControls = (): readonly AnnexAControl[] => catalogue.annexA;
export const clauses = (): readonly Clause[] => catalogue.clauses;
export const controls2013 = (): readonly Control2013[] => catalogue.controls2013;
export const mapping2013to2022 = (): readonly Mapping2013[] => catalogue.mapping2013to2022;
export const soc2Criteria = (): readonly Soc2Criterion[] => catalogue.soc2Criteria;
export const nistCsf = (): NistCsf => catalogue.nistCsf;
export const soc2Mapping = (): readonly Soc2MappingRow[] => catalogue.soc2Mapping;
export const nistMapping = (): readonly NistMappingRow[] => catalogue.nistMapping;

export interface RequirementCatalogue {
  annexA: ReadonlyMap<string, string>;
  clauses: ReadonlyMap<string, string>;
}

/** Ids and titles of every ISO/IEC 27001:2022 requirement a finding can point at. */
export const requirementCatalogue: RequirementCatalogue = {
  annexA: new Map(catalogue.annexA.map((c) => [c.id, c.title])),
  clauses: new Map(catalogue.clauses.map((c) => [c.id, c.title])),
};
