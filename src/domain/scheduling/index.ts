// Public surface of the scheduling engine; everything else in this folder is an implementation detail.
export { lowerBound, problemLowerBound, resourceBound } from './bounds.ts';
export { checkSchedule } from './check.ts';
export { compile } from './compile.ts';
export { type CpmResult, criticalPathMethod } from './cpm.ts';
export type { Problem, Resource, SolveResult, Task, ValidationError, Violation } from './model.ts';
export { PsplibFormatError, parsePsplib } from './psplib.ts';
export { InvalidProblemError, type SolveOptions, solve } from './solve.ts';
export { findCycle, MAX_HORIZON, validateProblem } from './validate.ts';
