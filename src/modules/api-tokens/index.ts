// Public face of the api-tokens module: other modules, src/http, src/cli and src/demo import only this file.
export { LAST_USED_RESOLUTION_MS, type TokenHolder, verifyToken } from './api-tokens.verify.ts';
