import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_KEY, presetPolicies } from './policy.ts';
import { deadlinePolicyDefinitionSchema, deadlinePolicySchema } from './schema.ts';

const issues = (input: unknown) => {
  const r = deadlinePolicyDefinitionSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('deadline policy schema', () => {
  it('accepts the three presets, the default first', () => {
    expect(presetPolicies.map((p) => p.key)).toEqual(['cb-90', 'working-days-10-21', 'fast-14-30-60']);
    expect(DEFAULT_POLICY_KEY).toBe('cb-90');
    expect(DEFAULT_POLICY_KEY).toBe(presetPolicies[0]!.key);
    for (const p of presetPolicies) expect(deadlinePolicySchema.safeParse(p).success).toBe(true);
    expect(presetPolicies.find((p) => p.key === 'cb-90')!.definition.grades.minor?.verifiedAtNextAudit).toBe(
      true,
    );
    // The tight schedule no longer calls itself common practice.
    expect(presetPolicies.find((p) => p.key === 'fast-14-30-60')!.definition.notes).not.toMatch(/common/i);
  });
  it('refuses unknown grades, negative or fractional days and unknown fields', () => {
    expect(issues({ dayKind: 'calendar', grades: { critical: { capDays: 5 } } })).not.toEqual([]);
    expect(issues({ dayKind: 'calendar', grades: { major: { capDays: -1 } } })).not.toEqual([]);
    expect(issues({ dayKind: 'calendar', grades: { major: { capDays: 1.5 } } })).not.toEqual([]);
    expect(issues({ dayKind: 'calendar', grades: { major: { capDayz: 5 } } })).not.toEqual([]);
    expect(issues({ dayKind: 'hours', grades: {} })).not.toEqual([]);
  });
  it('refuses evidence due before the plan, or closure before the evidence', () => {
    expect(issues({ dayKind: 'calendar', grades: { major: { capDays: 30, evidenceDays: 14 } } })).toEqual([
      'grades.major.evidenceDays: must not be earlier than capDays',
    ]);
    expect(
      issues({ dayKind: 'calendar', grades: { minor: { capDays: 14, evidenceDays: null, closeDays: 7 } } }),
    ).toEqual(['grades.minor.closeDays: must not be earlier than capDays']);
    expect(issues({ dayKind: 'working', grades: { major: { capDays: 10, closeDays: 10 } } })).toEqual([]);
  });
  it('refuses evidence or closure days for minors that the next audit verifies', () => {
    expect(
      issues({
        dayKind: 'calendar',
        minorPlanVerifiedAtNextAudit: true,
        grades: { minor: { capDays: 90, closeDays: 180 } },
      }),
    ).toEqual([
      'grades.minor.closeDays: minors are verified at the next audit under this policy: leave this empty',
    ]);
  });
  it('defaults the notes', () => {
    expect(deadlinePolicyDefinitionSchema.parse({ dayKind: 'calendar', grades: {} }).notes).toBe('');
  });
});
