import { createRequire } from 'node:module';
import type { EventAttributes } from 'ics';
import { addCalendarDays, nearestRealDate } from '../../domain/calendar/iso-date.ts';
import { foldIcs } from '../../domain/files/ics-fold.ts';
import type { datedItems } from './calendar-feeds.repository.ts';

// ics loads with the first feed served, not at every start.
const lazyRequire = createRequire(import.meta.url);
const loadIcs = () => lazyRequire('ics') as typeof import('ics');

// iCalendar (RFC 5545) rendering of deadlines and audit dates as all-day events with stable UIDs, so that
// a calendar client updates an event when a deadline moves instead of duplicating it.

export interface FeedEvent {
  uid: string;
  title: string;
  start: string;
  /** Inclusive last day; defaults to the start. */
  end?: string;
  description?: string;
  category: string;
}

const day = (d: string): [number, number, number] => {
  const [y, m, dd] = (nearestRealDate(d) ?? d).split('-').map(Number) as [number, number, number];
  return [y, m, dd];
};

export function feedEvents(items: Awaited<ReturnType<typeof datedItems>>): FeedEvent[] {
  const events: FeedEvent[] = [];
  for (const f of items.findings) {
    const what = `${f.audit_ref} ${f.ref} (${f.grade})`;
    const dates = [
      ['cap', f.cap_due_on, 'corrective action plan due'],
      ['evidence', f.evidence_due_on, 'Evidence of Correction due'],
      ['close', f.close_by_on, 'must be closed'],
    ] as const;
    for (const [k, date, label] of dates)
      if (date)
        events.push({
          uid: `finding-${f.id}-${k}`,
          title: `${what}: ${label}`,
          start: date,
          description: f.statement,
          category: 'finding deadline',
        });
  }
  for (const a of items.actions)
    events.push({
      uid: `action-${a.id}`,
      title: `${a.ref}: ${a.title} (due)`,
      start: a.due_on!,
      category: 'corrective action',
    });
  for (const t of items.tasks)
    events.push({ uid: `task-${t.id}`, title: `${t.title} (due)`, start: t.due_on!, category: 'task' });
  for (const a of items.audits)
    events.push({
      uid: `audit-${a.id}`,
      title: `${a.ref}: ${a.type} audit (${a.certification_body})`,
      start: a.starts_on!,
      end: a.ends_on ?? a.starts_on!,
      category: 'audit',
    });
  return events;
}

export function renderIcs(calendarName: string, events: FeedEvent[], stamp: Date): string {
  const attrs: EventAttributes[] = events.map((e) => ({
    uid: `${e.uid}@closeloop`,
    title: e.title,
    start: day(e.start),
    end: day(addCalendarDays(nearestRealDate(e.end ?? e.start) ?? e.start, 1)),
    ...(e.description ? { description: e.description } : {}),
    categories: [e.category],
    transp: 'TRANSPARENT',
    lastModified: stamp.getTime(),
  }));
  const { error, value } = loadIcs().createEvents(attrs, { productId: 'closeloop', calName: calendarName });
  if (error || value === null) throw error ?? new Error('calendar rendering failed');
  return foldIcs(value);
}
