// Documented information ISO/IEC 27001:2022 requires (the "shall be available as documented information"
// and "shall retain documented information" sentences of clauses 4–10), and how the register covers them.

export interface MandatoryDocument {
  key: string;
  clause: string;
  title: string;
  kind: 'maintain' | 'retain';
}

export const mandatoryDocuments: readonly MandatoryDocument[] = [
  { key: 'scope', clause: '4.3', title: 'Scope of the ISMS', kind: 'maintain' },
  { key: 'policy', clause: '5.2', title: 'Information security policy', kind: 'maintain' },
  {
    key: 'risk-assessment-process',
    clause: '6.1.2',
    title: 'Information security risk assessment process',
    kind: 'retain',
  },
  {
    key: 'risk-treatment-process',
    clause: '6.1.3',
    title: 'Information security risk treatment process',
    kind: 'retain',
  },
  { key: 'soa', clause: '6.1.3 d', title: 'Statement of Applicability', kind: 'maintain' },
  // 6.1.3 e: formulate a risk treatment plan; 6.1.3 f: the risk owners approve it and accept residual risk.
  {
    key: 'risk-treatment-plan',
    clause: '6.1.3 e',
    title: 'Information security risk treatment plan, approved by the risk owners',
    kind: 'maintain',
  },
  { key: 'objectives', clause: '6.2', title: 'Information security objectives', kind: 'retain' },
  { key: 'competence', clause: '7.2 d', title: 'Evidence of competence', kind: 'retain' },
  // 7.5.1 b, not 7.5.3: documents of external origin must be identified and controlled (7.5.3), but they
  // are not a document the standard requires; what the organisation determines as necessary is.
  {
    key: 'determined-necessary',
    clause: '7.5.1 b',
    title:
      'Documented information the organisation determined as necessary for the effectiveness of the ISMS',
    kind: 'maintain',
  },
  { key: 'operational-planning', clause: '8.1', title: 'Operational planning and control', kind: 'retain' },
  { key: 'risk-assessment-results', clause: '8.2', title: 'Results of risk assessments', kind: 'retain' },
  { key: 'risk-treatment-results', clause: '8.3', title: 'Results of risk treatment', kind: 'retain' },
  {
    key: 'monitoring-results',
    clause: '9.1',
    title: 'Evidence of monitoring and measurement results',
    kind: 'retain',
  },
  { key: 'audit-programme', clause: '9.2.2', title: 'Internal audit programme', kind: 'retain' },
  { key: 'audit-results', clause: '9.2.2', title: 'Internal audit results', kind: 'retain' },
  { key: 'management-review', clause: '9.3.3', title: 'Results of management reviews', kind: 'retain' },
  {
    key: 'nonconformities',
    clause: '10.2 f–g',
    title: 'Nature of nonconformities, actions taken and results of corrective action',
    kind: 'retain',
  },
];

export interface RegisteredDocument {
  ref: string;
  title: string;
  requirementKey: string | null;
  approvedOn: string | null;
  nextReviewOn: string | null;
}

export type DocumentState = 'ok' | 'missing' | 'unapproved' | 'review_overdue' | 'review_due';

/** A document's own state: approved, and its review date not passed (due within `soonDays`). */
export function documentState(d: RegisteredDocument, today: string, soonDays = 30): DocumentState {
  if (!d.approvedOn) return 'unapproved';
  if (d.nextReviewOn && d.nextReviewOn < today) return 'review_overdue';
  if (d.nextReviewOn && d.nextReviewOn <= addDays(today, soonDays)) return 'review_due';
  return 'ok';
}

export interface ReadinessItem {
  requirement: MandatoryDocument;
  state: DocumentState;
  documents: { ref: string; title: string; state: DocumentState }[];
}

const rank: Record<DocumentState, number> = {
  ok: 0,
  review_due: 1,
  review_overdue: 2,
  unapproved: 3,
  missing: 4,
};

/**
 * Per mandatory item, the documents that satisfy it and the best state among them: one approved,
 * in-date document is enough; none at all is `missing`. `kept` names the records closeloop itself keeps
 * as that documented information (the objectives register for 6.2): each counts as in place.
 */
export function readiness(
  docs: readonly RegisteredDocument[],
  today: string,
  kept: Readonly<Record<string, readonly { ref: string; title: string }[]>> = {},
): ReadinessItem[] {
  return mandatoryDocuments.map((requirement) => {
    const mine = [
      ...docs
        .filter((d) => d.requirementKey === requirement.key)
        .map((d) => ({ ref: d.ref, title: d.title, state: documentState(d, today) })),
      ...(kept[requirement.key] ?? []).map((r) => ({ ref: r.ref, title: r.title, state: 'ok' as const })),
    ];
    const state =
      mine.length === 0
        ? 'missing'
        : mine.map((d) => d.state).reduce((best, s) => (rank[s] < rank[best] ? s : best));
    return { requirement, state, documents: mine };
  });
}

/** Documents whose review falls due within `days` or is already overdue and not yet reminded today. */
export function dueForReminder(
  docs: readonly (RegisteredDocument & { lastRemindedOn: string | null })[],
  today: string,
  days = 14,
) {
  return docs.filter(
    (d) => d.nextReviewOn !== null && d.nextReviewOn <= addDays(today, days) && d.lastRemindedOn !== today,
  );
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
