// Public face of the accounts module: other modules, src/http, src/cli and src/demo import only this file.
export { countUsers, deleteAccount, findUserByEmail } from './accounts.repository.ts';
export { createAccount } from './accounts.service.ts';
export { recordSignIn } from './sign-in-audit.ts';
export { recordSignInFailure, recordSignInSuccess, signInWait } from './sign-in-throttle.ts';
export { firstUseOfCode } from './totp-replay.ts';
