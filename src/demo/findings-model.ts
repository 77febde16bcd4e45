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
  actions: { title: string; ownerEmail: string | null; dueOn: string | null; effortDays?: number }[];
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

export const rec = (
  correction: string,
  whys: [string, string][],
  statement: string,
  criteria: string,
): DemoFinding['record'] => ({
  correction: { what: correction, who: 'Action owner', on: null },
  rootCause: {
    method: 'five_whys',
    whys: whys.map(([question, answer]) => ({ question, answer })),
    categories: [],
    statement,
    similarElsewhere: '',
  },
  expectedEffect: 'The requirement is met consistently, not only for the sampled cases.',
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
