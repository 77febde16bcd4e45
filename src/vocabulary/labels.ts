import { type AuditType, auditTypeTraits, type Recommendation } from './audit-types.ts';
import { type Grade, gradeLabels, gradeShortLabels } from './grades.ts';
import { roleLabels } from './roles.ts';
import { type ActionStatus, actionStatusLabels, findingStatusLabels } from './statuses.ts';
import { webhookDeliveryStatusLabels, webhookEventLabels } from './webhooks.ts';

// The one label map: every value of the shared vocabulary a person reads on screen, in a report or a
// mail, in plain words ("stage2" → "Stage 2 audit", "in_progress" → "In progress"). Each map is a
// `Record` over its enum, so adding a value fails to compile until its label is written (beside the enum or here).

export const recommendationLabels: Record<Recommendation, string> = {
  recommended: 'Recommended',
  recommended_upon_action_plan: 'Recommended upon action plan',
  not_recommended: 'Not recommended',
};

export const auditTypeLabels = Object.fromEntries(
  Object.entries(auditTypeTraits).map(([type, traits]) => [type, traits.label]),
) as Record<AuditType, string>;

const known = <K extends string>(map: Record<K, string>, value: string): string | undefined =>
  Object.hasOwn(map, value) ? map[value as K] : undefined;

/** "some_value" → "Some value": the last resort for a value no map knows (it is still shown, never hidden). */
export const plainWords = (value: string): string => {
  const words = value.replaceAll(/[_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const labelOf = {
  findingStatus: (s: string) => known(findingStatusLabels, s) ?? plainWords(s),
  actionStatus: (s: string) => known<ActionStatus>(actionStatusLabels, s) ?? plainWords(s),
  grade: (g: string) => known<Grade>(gradeLabels, g) ?? plainWords(g),
  gradeShort: (g: string) => known<Grade>(gradeShortLabels, g) ?? plainWords(g),
  auditType: (t: string) => known(auditTypeLabels, t) ?? plainWords(t),
  recommendation: (r: string | null) => (r ? (known(recommendationLabels, r) ?? plainWords(r)) : 'Not given'),
  role: (r: string) => known(roleLabels, r) ?? plainWords(r),
  webhookEvent: (e: string) => known(webhookEventLabels, e) ?? plainWords(e),
  webhookDeliveryStatus: (s: string) => known(webhookDeliveryStatusLabels, s) ?? plainWords(s),
};

// Audit-trail entries name what changed as `subject.verb` (e.g. "corrective_action_record.update"); on
// screen they read as "Corrective action record updated".
const subjects: Record<string, string> = {
  api_token: 'API token',
  cap: 'Corrective action plan',
  crosswalk: 'Crosswalk mapping',
  'crosswalk.override': 'Crosswalk mapping override',
  isms_amendment: 'ISMS amendment',
  amendment: 'ISMS amendment',
  action: 'Corrective action',
  record: 'Corrective action record',
  soa: 'Statement of Applicability',
  'soa.control': 'SoA control',
  'soa.scope': 'ISMS scope',
  'soa.version': 'SoA version',
  risk_matrix: 'Risk matrix',
  trust_nda: 'Trust page NDA',
  auth: 'Account',
  task: 'Task',
  plan_task: 'Plan task',
  import_mapping: "Certification body's import mapping",
  job: 'Failed background job',
};

const verbs: Record<string, string> = {
  create: 'created',
  add: 'added',
  update: 'updated',
  delete: 'deleted',
  remove: 'removed',
  revoke: 'revoked',
  accept: 'accepted',
  approve: 'approved',
  deny: 'denied',
  submit: 'submitted',
  comment: 'commented on',
  attach: 'attached',
  attach_file: 'file attached',
  upload: 'uploaded',
  override: 'overridden',
  plan: 'planned',
  record_result: 'result recorded',
  review_reminder: 'review reminder sent',
  reminders_sent: 'reminders sent',
  reschedule_audit: 'audit rescheduled',
  add_generated: 'generated and added',
  version: 'new version',
  sign_in: 'signed in',
  apply: 'applied',
  discard: 'discarded',
  remember: 'remembered',
  // A finding's lifecycle moves (src/domain/findings/lifecycle.ts), recorded as "finding.<move>".
  start_analysis: 'analysis started',
  submit_plan: 'corrective action plan submitted',
  accept_plan: 'corrective action plan accepted',
  reject_plan: 'corrective action plan rejected',
  start_implementation: 'implementation started',
  submit_evidence: 'evidence submitted',
  verify_internally: 'verified internally',
  return_evidence: 'evidence returned for rework',
  reject_evidence: 'evidence rejected',
  record_auditor_acceptance: "auditor's acceptance recorded",
  close: 'closed',
};

/** The plain words of an audit-trail action, e.g. "record.update" → "Corrective action record updated". */
export function auditActionLabel(action: string): string {
  const cut = action.lastIndexOf('.');
  if (cut < 0) return plainWords(action);
  const subject = action.slice(0, cut);
  const verb = action.slice(cut + 1);
  const noun = subjects[subject] ?? plainWords(subject);
  const done = verbs[verb] ?? verb.replaceAll('_', ' ');
  return `${noun} ${done}`;
}

/** "1 finding", "3 findings": ICU plural rules (Intl.PluralRules), never "finding(s)". */
const rules = new Intl.PluralRules('en');
export function plural(count: number, one: string, other = `${one}s`): string {
  return `${count} ${rules.select(count) === 'one' ? one : other}`;
}
