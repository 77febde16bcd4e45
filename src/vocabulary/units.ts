import { plural } from './labels.ts';

// The units a figure on screen carries (issue #19 item 7: "-6 working days" next to "-10 days" in the
// what-if). One name per unit, used by every page and by the deadline policies' day kinds, so the same
// quantity is always spelled the same way.

export const unitNames = {
  working_day: { one: 'working day', other: 'working days' },
  calendar_day: { one: 'calendar day', other: 'calendar days' },
  point: { one: 'point', other: 'points' },
  finding: { one: 'finding', other: 'findings' },
  percent: { one: '%', other: '%' },
} as const;
export type Unit = keyof typeof unitNames;

/** "1 working day", "3 findings", "12 points", "50%". */
export function quantity(n: number, unit: Unit): string {
  if (unit === 'percent') return `${n}%`;
  const u = unitNames[unit];
  return plural(n, u.one, u.other);
}

/** A change with its sign: "+2 working days", "−1 calendar day" (a true minus sign), "no change". */
export function signedQuantity(n: number, unit: Unit): string {
  if (n === 0) return 'no change';
  return `${n > 0 ? '+' : '−'}${quantity(Math.abs(n), unit)}`;
}
