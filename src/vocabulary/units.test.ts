import { describe, expect, it } from 'vitest';
import { dayKindLabels } from './deadline-policy.ts';
import { quantity, signedQuantity, unitNames } from './units.ts';

// Issue #19 item 7: every figure carries its unit, spelled one way everywhere.
describe('units', () => {
  it('names the unit of every quantity, singular and plural', () => {
    expect(quantity(1, 'working_day')).toBe('1 working day');
    expect(quantity(6, 'working_day')).toBe('6 working days');
    expect(quantity(1, 'calendar_day')).toBe('1 calendar day');
    expect(quantity(0, 'finding')).toBe('0 findings');
    expect(quantity(12, 'point')).toBe('12 points');
    expect(quantity(50, 'percent')).toBe('50%');
  });

  it('signs a change with its unit and says when nothing moves', () => {
    expect(signedQuantity(-6, 'working_day')).toBe('−6 working days');
    expect(signedQuantity(10, 'calendar_day')).toBe('+10 calendar days');
    expect(signedQuantity(0, 'calendar_day')).toBe('no change');
  });

  it('spells days as the deadline policies do', () => {
    expect(dayKindLabels.working).toBe(unitNames.working_day.other);
    expect(dayKindLabels.calendar).toBe(unitNames.calendar_day.other);
  });
});
