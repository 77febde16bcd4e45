// Public face of the accounts module: other modules, src/http, src/cli and src/demo import only this file.
export {
  type AccountSummary,
  accountByEmail,
  anyAccount,
  type SessionHolder,
  sessionHolder,
} from './accounts.read.ts';
export { createAccount, withdrawNewAccount } from './accounts.service.ts';
export { recordSignIn } from './sign-in-audit.ts';
export { recordSignInFailure, recordSignInSuccess, signInWait } from './sign-in-throttle.ts';
export { firstUseOfCode } from './totp-replay.ts';
