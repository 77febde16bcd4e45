// The scheduling problem as callers describe it (ids, records) and the result shapes.
// The solver works on the compiled, index-based form in compile.ts; these types are the public face.

export interface Resource {
  id: string;
  /** Units available in every time unit (renewable). */
  capacity: number;
}

export interface Task {
  id: string;
  /** Whole time units; 0 makes the task a milestone that uses no resource time. */
  duration: number;
  /** Units of each resource held during every time unit of the task. */
  demands: Record<string, number>;
  /** Finish-to-start dependencies: this task starts after each of these finishes. */
  predecessors: string[];
  /** Extra waiting time after a predecessor finishes, keyed by predecessor id (default 0). */
  lags?: Record<string, number>;
  /** Release date: the task may not start before this time. */
  earliestStart?: number;
}

export interface Problem {
  resources: Resource[];
  tasks: Task[];
}

export type ValidationCode =
  | 'duplicate-id'
  | 'unknown-predecessor'
  | 'cycle'
  | 'unknown-resource'
  | 'demand-above-capacity'
  | 'invalid-duration'
  | 'invalid-demand'
  | 'invalid-capacity'
  | 'invalid-lag'
  | 'invalid-earliest-start'
  | 'horizon-too-large';

export interface ValidationError {
  code: ValidationCode;
  /** The task at fault (the first task of the cycle for 'cycle'); absent for resource-level errors. */
  taskId?: string;
  /** For 'cycle': the task ids around the cycle, each depending on the one before it. */
  cycle?: string[];
  message: string;
}

export interface Violation {
  kind: 'precedence' | 'capacity' | 'earliest-start' | 'missing-start' | 'negative-start';
  taskId?: string;
  resourceId?: string;
  time?: number;
  message: string;
}

export interface SolveResult {
  makespan: number;
  starts: Record<string, number>;
  lowerBound: number;
  feasible: true;
  criticalPath?: string[];
  /** Schedules generated (serial SGS passes), the usual budget unit in the RCPSP literature. */
  iterations: number;
}
