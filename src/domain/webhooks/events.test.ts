import { describe, expect, it } from 'vitest';
import { deadlineMissed, eventOfChange } from './events.ts';

describe('webhook events of audited changes', () => {
  it('turns a grade change into finding.graded naming the finding and the changed API field only', () => {
    const e = eventOfChange({
      action: 'finding.update',
      entityType: 'finding',
      entityId: 'f1',
      data: { ref: 'NC-1', grade: 'major', statement: 'changed too, but no event field' },
    });
    expect(e).toEqual({
      type: 'finding.graded',
      subjectKey: 'finding:f1',
      subjects: [{ kind: 'finding', id: 'f1', fields: ['ref', 'grade'] }],
    });
  });

  it('names a lifecycle move finding.state_changed, and ignores edits that are not events', () => {
    expect(
      eventOfChange({
        action: 'finding.submit_plan',
        entityType: 'finding',
        entityId: 'f1',
        data: { from: 'a', to: 'b' },
      }),
    ).toMatchObject({
      type: 'finding.state_changed',
      subjects: [{ kind: 'finding', id: 'f1', fields: ['ref', 'status'] }],
      facts: { action: 'submit_plan', previousStatus: 'a' },
    });
    expect(
      eventOfChange({
        action: 'finding.update',
        entityType: 'finding',
        entityId: 'f1',
        data: { title: 'x' },
      }),
    ).toBeNull();
    expect(eventOfChange({ action: 'risk.create', entityType: 'risk', entityId: 'r1' })).toBeNull();
  });

  it("names a finding's missed deadline by the API field that holds it", () => {
    expect(deadlineMissed('finding:f1:evidence', '2026-03-16')).toEqual({
      type: 'deadline.missed',
      subjectKey: 'finding:f1',
      subjects: [{ kind: 'finding', id: 'f1', fields: ['ref', 'evidenceDueOn'] }],
      facts: { deadline: 'evidence' },
    });
    expect(deadlineMissed('action:a1', '2026-03-16').facts).toEqual({
      correctiveAction: { id: 'a1', dueOn: '2026-03-16' },
    });
  });
});
