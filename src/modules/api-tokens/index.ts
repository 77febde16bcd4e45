// Public face of the api-tokens module: other modules, src/http, src/cli and src/demo import only this file.
export { findTokenByHash, markTokenUsed } from './api-tokens.repository.ts';
