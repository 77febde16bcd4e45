import { isFinishedFinding, isNonconformity } from '../../vocabulary/index.ts';
import type { IsmsContext } from '../isms/context.ts';
import {
  feedbackLines,
  issuesLines,
  partiesLines,
  type ReviewRisk,
  type ReviewScores,
  riskLines,
  scoreLines,
} from './review-inputs-isms.ts';
// Inputs of a management review (ISO/IEC 27001:2022 clause 9.3.2), gathered from the records as they
// stand on the day of the review. A section whose source closeloop does not hold yet says so
// (`available: false`) rather than leaving the topic out: the minutes must show it was considered.

export interface ReviewSection {
  key: string;
  clause: string;
  title: string;
  available: boolean;
  lines: string[];
}

export interface ReviewSources {
  heldOn: string;
  /** Date of the previous review: what changed since then is marked (9.3.2 b, c, e). */
  previousHeldOn: string | null;
  /** Decisions of the previous review, with owner and due date (9.3.2 a). */
  previousDecisions: { topic: string; decision: string; owner: string; dueOn: string | null }[] | null;
  findings: { ref: string; auditRef: string; grade: string; status: string; closeByOn: string | null }[];
  audits: { ref: string; type: string; startsOn: string | null; recommendation: string | null }[];
  internalResults: { result: string; checkedOn: string | null }[];
  /** Context of the organisation (4.1, 4.2, Amd 1:2024); null when none is recorded. */
  context: IsmsContext | null;
  risks: ReviewRisk[] | null;
  /** Fulfilment of the information security objectives (6.2), from the register; null when not held. */
  objectives: string[] | null;
  scores: ReviewScores | null;
}

const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.filter(p).length;

function trend(s: ReviewSources): string[] {
  // Findings per external audit in date order: the trend the review looks at (9.3.2 d 1).
  return s.audits
    .filter((a) => a.type !== 'internal' && a.startsOn !== null && a.startsOn <= s.heldOn)
    .map((a) => {
      const mine = s.findings.filter((f) => f.auditRef === a.ref);
      return `${a.ref} (${a.type}, ${a.startsOn}): ${count(mine, (f) => f.grade === 'major')} major, ${count(mine, (f) => f.grade === 'minor')} minor, ${count(mine, (f) => f.grade === 'ofi')} OFI`;
    });
}

export function gatherReviewInputs(s: ReviewSources): ReviewSection[] {
  const ncs = s.findings.filter((f) => isNonconformity(f.grade));
  const open = ncs.filter((f) => !isFinishedFinding(f.status));
  const overdue = open.filter((f) => f.closeByOn !== null && f.closeByOn < s.heldOn);
  const results = new Map<string, number>();
  for (const r of s.internalResults) results.set(r.result, (results.get(r.result) ?? 0) + 1);
  const ofis = s.findings.filter((f) => f.grade === 'ofi');
  const extension = (key: string, clause: string, title: string, lines: string[] | null): ReviewSection => ({
    key,
    clause,
    title,
    available: lines !== null,
    lines: lines ?? ['Not recorded in closeloop yet: bring this input to the review separately.'],
  });
  return [
    {
      key: 'previous_actions',
      clause: '9.3.2 a',
      title: 'Status of actions from previous management reviews',
      available: true,
      lines:
        s.previousDecisions === null
          ? ['First management review recorded in closeloop.']
          : s.previousDecisions.map(
              (d) =>
                `${d.topic}: ${d.decision}${d.owner ? ` — ${d.owner}` : ''}${d.dueOn ? `, due ${d.dueOn}` : ''}`,
            ),
    },
    extension(
      'issues',
      '9.3.2 b',
      'Changes in external and internal issues relevant to the ISMS (climate change included)',
      issuesLines(s.context, s.previousHeldOn),
    ),
    extension(
      'interested_parties',
      '9.3.2 c',
      'Changes in needs and expectations of interested parties relevant to the ISMS',
      partiesLines(s.context, s.previousHeldOn),
    ),
    {
      key: 'nonconformities',
      clause: '9.3.2 d 1',
      title: 'Nonconformities and corrective actions',
      available: true,
      lines: [
        `${ncs.length} nonconformities recorded (${count(ncs, (f) => f.grade === 'major')} major, ${count(ncs, (f) => f.grade === 'minor')} minor); ${open.length} open, ${overdue.length} past their closure date.`,
        ...open.map((f) => `Open: ${f.auditRef}/${f.ref} (${f.grade}, ${f.status.replaceAll('_', ' ')})`),
        ...trend(s),
      ],
    },
    extension(
      'measurement',
      '9.3.2 d 2',
      'Monitoring and measurement results (scores and trends)',
      scoreLines(s.scores),
    ),
    {
      key: 'audit_results',
      clause: '9.3.2 d 3',
      title: 'Audit results',
      available: true,
      lines: [
        `Internal audit results: ${
          results.size === 0
            ? 'none recorded'
            : [...results.entries()]
                .sort()
                .map(([k, n]) => `${n} ${k}`)
                .join(', ')
        }.`,
        ...s.audits
          .filter((a) => a.type !== 'internal' && a.recommendation)
          .map((a) => `${a.ref}: ${a.recommendation!.replaceAll('_', ' ')}`),
      ],
    },
    extension('objectives', '9.3.2 d 4', 'Fulfilment of information security objectives', s.objectives),
    extension(
      'feedback',
      '9.3.2 e',
      'Feedback from interested parties',
      feedbackLines(s.context, s.previousHeldOn, s.heldOn),
    ),
    extension(
      'risks',
      '9.3.2 f',
      'Results of risk assessment and status of the risk treatment plan',
      riskLines(s.risks, s.heldOn),
    ),
    {
      key: 'improvement',
      clause: '9.3.2 g',
      title: 'Opportunities for continual improvement',
      available: true,
      lines: ofis.map((f) => `${f.auditRef}/${f.ref}: ${f.status.replaceAll('_', ' ')}`),
    },
  ];
}
