import { describe, expect, it } from 'vitest';
import { auditTypes, recommendations } from './audit-types.ts';
import { grades } from './grades.ts';
import { auditActionLabel, labelOf, plainWords, plural } from './labels.ts';
import { actionStatuses, findingStatuses } from './statuses.ts';

// Issue #19 item 7: raw values ("stage2", "in_progress", "Edited (record.update)") and "1 finding(s)" on
// screen. Every enum value has plain words; plurals follow Intl.PluralRules.
describe('the one label map', () => {
  it('names the values the issue found raw', () => {
    expect(labelOf.auditType('stage2')).toBe('Stage 2 audit');
    expect(labelOf.auditType('second_party')).toBe('Second-party audit');
    expect(labelOf.actionStatus('in_progress')).toBe('In progress');
    expect(labelOf.findingStatus('verified_internally')).toBe('Verified internally');
    expect(labelOf.recommendation('not_recommended')).toBe('Not recommended');
    expect(auditActionLabel('record.update')).toBe('Corrective action record updated');
    expect(auditActionLabel('corrective_action_record.update')).toBe('Corrective action record updated');
    expect(auditActionLabel('finding.accept_plan')).toBe('Finding corrective action plan accepted');
  });

  it('gives every value of every enum words without underscores, capitalised', () => {
    const all = [
      ...auditTypes.map(labelOf.auditType),
      ...actionStatuses.map(labelOf.actionStatus),
      ...findingStatuses.map(labelOf.findingStatus),
      ...grades.map(labelOf.grade),
      ...grades.map(labelOf.gradeShort),
      ...recommendations.map(labelOf.recommendation),
    ];
    for (const label of all) expect(label).toMatch(/^[A-Z][^_]*$/);
  });

  it('keeps an unknown value readable instead of hiding it', () => {
    expect(plainWords('some_new.value')).toBe('Some new value');
    expect(labelOf.findingStatus('on_hold')).toBe('On hold');
  });

  it('counts with plural rules, never "(s)"', () => {
    expect(plural(1, 'finding')).toBe('1 finding');
    expect(plural(0, 'finding')).toBe('0 findings');
    expect(plural(3, 'risk')).toBe('3 risks');
    expect(plural(1, 'working day')).toBe('1 working day');
    expect(plural(2, 'working day')).toBe('2 working days');
  });
});
