import { addCalendarDays } from '../calendar/iso-date.ts';

// What the organisation does before each external audit of the cycle, and the calendar events that
// follow from the plan (the ICS feed and the web calendar read the same list). Pure: dates in, events out.

export type CycleAuditType = 'surveillance' | 'recertification';

export interface PreparationTask {
  key: string;
  title: string;
  /** Days before the planned audit date the task is due. */
  daysBefore: number;
}

// Why each task, and when: clause 9.2 (the internal audit covers the scope the certification body will
// sample), 9.3 (management review before the audit, its minutes are requested), 10.2 (the previous
// audit's nonconformities are closed or on plan), 7.5 (documents the body asks for in its audit plan).
const common: PreparationTask[] = [
  {
    key: 'confirm_dates',
    title: 'Confirm the audit dates and the audit plan with the certification body',
    daysBefore: 60,
  },
  { key: 'internal_audit', title: 'Complete the internal audits due this year (clause 9.2)', daysBefore: 45 },
  {
    key: 'management_review',
    title: 'Hold the management review and issue its minutes (clause 9.3)',
    daysBefore: 30,
  },
  {
    key: 'previous_findings',
    title: "Verify the previous audit's corrective actions and close what is done (clause 10.2)",
    daysBefore: 21,
  },
  {
    key: 'documents',
    title: 'Send the scope statement, Statement of Applicability and risk treatment plan',
    daysBefore: 14,
  },
];
const recertificationOnly: PreparationTask[] = [
  {
    key: 'cycle_review',
    title: 'Review the ISMS performance over the whole cycle for the recertification (17021-1 9.6.3)',
    daysBefore: 50,
  },
];

export function preparationTasks(type: CycleAuditType): PreparationTask[] {
  const tasks = type === 'recertification' ? [...common, ...recertificationOnly] : common;
  return [...tasks].sort((a, b) => b.daysBefore - a.daysBefore);
}

export function taskDueOn(plannedOn: string, task: Pick<PreparationTask, 'daysBefore'>): string {
  return addCalendarDays(plannedOn, -task.daysBefore);
}

export type CycleEventKind =
  | 'certificate_issued'
  | 'audit_window_opens'
  | 'audit'
  | 'audit_window_closes'
  | 'preparation_task'
  | 'reminder'
  | 'certificate_expires';

export interface CycleEvent {
  date: string;
  title: string;
  kind: CycleEventKind;
  /** Stable identity for calendar clients (an ICS UID is built from it). */
  key: string;
}

export interface CalendarInput {
  certificate: { number: string; issuedOn: string; expiresOn: string };
  audits: {
    type: CycleAuditType;
    sequence: number;
    windowStart: string;
    windowEnd: string;
    plannedOn: string;
    tasks: { key: string; title: string; dueOn: string; doneOn: string | null }[];
  }[];
  /** Days before an audit and before expiry that a reminder appears. */
  reminderDays?: readonly number[];
}

const label = (a: { type: CycleAuditType; sequence: number }) =>
  a.type === 'surveillance' ? `Surveillance audit ${a.sequence}` : 'Recertification audit';

/** Every dated event of one certification cycle, in date order (ties keep a fixed kind order). */
export function cycleCalendar(input: CalendarInput): CycleEvent[] {
  const { certificate: c } = input;
  const reminders = input.reminderDays ?? [30, 7];
  const events: CycleEvent[] = [
    {
      date: c.issuedOn,
      kind: 'certificate_issued',
      title: `Certificate ${c.number} issued`,
      key: `${c.number}/issued`,
    },
  ];
  for (const a of input.audits) {
    const name = label(a);
    const id = `${c.number}/${a.type}-${a.sequence}`;
    events.push(
      { date: a.windowStart, kind: 'audit_window_opens', title: `${name}: window opens`, key: `${id}/opens` },
      { date: a.plannedOn, kind: 'audit', title: `${name} (certificate ${c.number})`, key: `${id}/audit` },
      { date: a.windowEnd, kind: 'audit_window_closes', title: `${name}: latest date`, key: `${id}/closes` },
    );
    for (const d of reminders)
      events.push({
        date: addCalendarDays(a.plannedOn, -d),
        kind: 'reminder',
        title: `${name} in ${d} days`,
        key: `${id}/reminder-${d}`,
      });
    for (const t of a.tasks.filter((x) => x.doneOn === null))
      events.push({
        date: t.dueOn,
        kind: 'preparation_task',
        title: `${name}: ${t.title}`,
        key: `${id}/${t.key}`,
      });
  }
  for (const d of [90, ...reminders])
    events.push({
      date: addCalendarDays(c.expiresOn, -d),
      kind: 'reminder',
      title: `Certificate ${c.number} expires in ${d} days`,
      key: `${c.number}/expiry-reminder-${d}`,
    });
  events.push({
    date: c.expiresOn,
    kind: 'certificate_expires',
    title: `Certificate ${c.number} expires`,
    key: `${c.number}/expires`,
  });
  const order: CycleEventKind[] = [
    'certificate_issued',
    'audit_window_opens',
    'reminder',
    'preparation_task',
    'audit',
    'audit_window_closes',
    'certificate_expires',
  ];
  return events
    .filter((e) => e.date >= c.issuedOn)
    .sort((x, y) => x.date.localeCompare(y.date) || order.indexOf(x.kind) - order.indexOf(y.kind));
}
