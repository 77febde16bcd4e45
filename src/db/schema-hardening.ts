import type { ColumnType } from 'kysely';

// Tables of migration 0010 (issue #18): TOTP replay protection and the sign-in back-off.
export interface TotpLastStepTable {
  user_id: string;
  step: ColumnType<number | string, number, number>;
}

export interface SignInFailureTable {
  /** `account:<email>` or `pair:<email>|<client address>` */
  key: string;
  failures: number;
  last_failed_at: string;
  blocked_until: string;
}
