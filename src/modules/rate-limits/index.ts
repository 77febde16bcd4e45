// Public face of the rate-limits module (issue #17): limits shared by every instance.
export { countHit, instanceAuthStorage, pruneEndedWindows, sharedAuthStorage } from './rate-limits.store.ts';
