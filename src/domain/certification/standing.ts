import { addCalendarDays, addMonths, addYears, parseIsoDate } from '../calendar/iso-date.ts';

// The standing of a certificate over time (ISO/IEC 17021-1 9.6.3 and 9.6.5, IAF MD 26). Pure: dates in,
// dates out; the caller passes today.

/** Editions of ISO/IEC 27001 a certificate may name; Amd 1:2024 added climate change to 4.1 and 4.2. */
export const editions = ['2013', '2022', '2022-amd1'] as const;
export type Edition = (typeof editions)[number];
export const editionLabels: Record<Edition, string> = {
  '2013': 'ISO/IEC 27001:2013',
  '2022': 'ISO/IEC 27001:2022',
  '2022-amd1': 'ISO/IEC 27001:2022 + Amd 1:2024',
};

/** IAF MD 26: certificates to ISO/IEC 27001:2013 ceased to be valid at the end of the transition. */
export const EDITION_2013_LAST_VALID_DAY = '2025-10-31';

/** Months a suspension may last before the CB withdraws or reduces the scope (17021-1 9.6.5.3). */
export const SUSPENSION_MONTHS = 6;
/** Months after expiry within which the CB can restore a certificate (17021-1 9.6.3.2.5 / 9.6.3.3). */
export const RESTORATION_MONTHS = 6;

export const suspensionReasons = [
  'missed_surveillance',
  'unresolved_major',
  'misuse',
  'requested',
  'other',
] as const;
export type SuspensionReason = (typeof suspensionReasons)[number];

export type Standing = 'valid' | 'suspended' | 'withdrawn' | 'expired';

export interface StandingInput {
  status: string;
  expiresOn: string;
  edition: string;
}

/** The last day the certificate is valid: its expiry, or the end of the 2013 transition if earlier. */
export function lastValidDay(c: Pick<StandingInput, 'expiresOn' | 'edition'>): string {
  return c.edition === '2013' && c.expiresOn > EDITION_2013_LAST_VALID_DAY
    ? EDITION_2013_LAST_VALID_DAY
    : c.expiresOn;
}

/** Stored status read against today: a valid certificate past its last valid day is expired. */
export function standingOn(c: StandingInput, today: string): { status: Standing; note: string } {
  if (c.status !== 'valid') return { status: c.status as Standing, note: '' };
  const last = lastValidDay(c);
  if (last >= today) return { status: 'valid', note: '' };
  if (last !== c.expiresOn)
    return {
      status: 'expired',
      note: `ISO/IEC 27001:2013 certificates lapsed after ${EDITION_2013_LAST_VALID_DAY} (IAF MD 26 transition)`,
    };
  return { status: 'expired', note: `expired after ${c.expiresOn}` };
}

/** The last day a suspension begun on `suspendedOn` may be lifted (17021-1 9.6.5.3). */
export const reinstateBy = (suspendedOn: string): string => addMonths(suspendedOn, SUSPENSION_MONTHS);

export interface Renewal {
  kind: 'continued' | 'restored';
  /** The new certificate's expiry: based on the previous cycle's expiry (17021-1 9.6.3.2.4 / 9.6.3.3). */
  expiresOn: string;
  /** Days without certification between the old expiry and the restoration decision (both included). */
  notCertified: { from: string; to: string } | null;
}

/**
 * The certificate that follows a recertification decided on `decidedOn`. Decided before the previous
 * expiry, it continues from that expiry; decided after it, the CB may restore certification within six
 * months of expiry, the days in between shown as not certified; later, a new initial audit is needed.
 */
export function renewal(previousExpiresOn: string, decidedOn: string, validityYears = 3): Renewal {
  parseIsoDate(previousExpiresOn);
  parseIsoDate(decidedOn);
  const expiresOn = addYears(previousExpiresOn, validityYears);
  if (decidedOn <= previousExpiresOn) return { kind: 'continued', expiresOn, notCertified: null };
  const restoreBy = addMonths(previousExpiresOn, RESTORATION_MONTHS);
  if (decidedOn > restoreBy)
    throw new RangeError(
      `the certificate expired on ${previousExpiresOn}; restoration is possible until ${restoreBy}, after that a new initial certification (stage 1 and stage 2) is needed`,
    );
  return {
    kind: 'restored',
    expiresOn,
    notCertified:
      decidedOn > addCalendarDays(previousExpiresOn, 1)
        ? { from: addCalendarDays(previousExpiresOn, 1), to: addCalendarDays(decidedOn, -1) }
        : null,
  };
}
