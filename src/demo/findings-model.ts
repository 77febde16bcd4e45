// Shape of the demo findings and small builders for them.

export interface DemoFinding {
  finding: {
    ref: string;
    grade: 'major' | 'minor' | 'ofi';
    requirements: string[];
    statement: string;
    objectiveEvidence: string;
    area: string;
    ownerEmail: string | null;
  };
  reach:
    | 'open'
    | 'analysing'
    | 'plan_submitted'
    | 'plan_accepted'
    | 'implementing'
    | 'evidence_submitted'
    | 'verified_internally'
    | 'closed';
  record: {
    correction: { what: string; who: string; on: string | null };
    rootCause: {
      method: 'five_whys';
      whys: { question: string; answer: string }[];
      categories: [];
      statement: string;
      similarElsewhere: string;
    };
    expectedEffect: string;
    effectiveness: {
      criteria: string;
      reviewerEmail: string | null;
      reviewedOn: null;
      result: null;
      notes: string;
    };
  };
  /** `dueInDays`: due date relative to the day the demo is loaded (negative: already past). */
  actions: { title: string; ownerEmail: string | null; dueInDays: number; effortDays?: number }[];
  /** Days before the demo is loaded that the correction was made. */
  correctedDaysAgo?: number;
  evidence: { name: string; description: string; text: string }[];
  amendment?: {
    kind: 'document' | 'soa_entry' | 'risk' | 'control' | 'process';
    reference: string;
    description: string;
  };
  ofi?: 'accept' | 'plan' | 'decline';
  ofiReason?: string;
  comment?: string;
}

/** What each NC's record says beyond the correction and the whys: who corrected, extent, effect. */
export interface RecordDetails {
  /** Email of the member who made the correction (printed by name and role). */
  correctedBy: string;
  /** 10.2 b 3: where else the nonconformity exists or could occur, and what was checked. */
  extent: string;
  /** The effect this NC's actions are expected to have. */
  expectedEffect: string;
}

export const rec = (
  correction: string,
  whys: [string, string][],
  statement: string,
  criteria: string,
  details: RecordDetails = { correctedBy: '', extent: '', expectedEffect: '' },
): DemoFinding['record'] => ({
  correction: { what: correction, who: details.correctedBy, on: null },
  rootCause: {
    method: 'five_whys',
    whys: whys.map(([question, answer]) => ({ question, answer })),
    categories: [],
    statement,
    similarElsewhere: details.extent,
  },
  expectedEffect: details.expectedEffect,
  effectiveness: {
    criteria,
    reviewerEmail: 'ravi.iyer@demo.example',
    reviewedOn: null,
    result: null,
    notes: '',
  },
});
export const noRecord = rec('', [], '', '');
export const ofi = (
  ref: string,
  req: string,
  statement: string,
  how: 'accept' | 'plan' | 'decline',
  reason?: string,
): DemoFinding => ({
  finding: {
    ref,
    grade: 'ofi',
    requirements: [req],
    statement,
    objectiveEvidence: '',
    area: '',
    ownerEmail: null,
  },
  reach: 'open',
  record: noRecord,
  actions: [],
  evidence: [],
  ofi: how,
  ...(reason ? { ofiReason: reason } : {}),
});
