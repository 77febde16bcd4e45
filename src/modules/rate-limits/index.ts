// Public face of the rate-limits module (issue #17): limits shared by every instance.
export { deleteStaleRateLimitHits } from './rate-limits.repository.ts';
export { countHit, sharedAuthStorage } from './rate-limits.store.ts';
