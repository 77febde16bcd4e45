import { describe, expect, it } from 'vitest';
import { eventOfChange } from './events.ts';

describe('webhook events of audited changes', () => {
  it('turns a grade change into finding.graded with the id and the changed field only', () => {
    const e = eventOfChange({
      action: 'finding.update',
      entityType: 'finding',
      entityId: 'f1',
      data: { ref: 'NC-1', grade: 'major', title: 'unchanged? no: not a graded field' },
    });
    expect(e).toEqual({
      type: 'finding.graded',
      subjectKey: 'finding:f1',
      data: { findingId: 'f1', ref: 'NC-1', grade: 'major' },
    });
  });

  it('names a lifecycle move finding.state_changed, and ignores edits that are not events', () => {
    expect(
      eventOfChange({
        action: 'finding.submit_plan',
        entityType: 'finding',
        entityId: 'f1',
        data: { from: 'a', to: 'b' },
      })?.type,
    ).toBe('finding.state_changed');
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
});
