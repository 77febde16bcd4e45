// The deadline-policy schema is the vocabulary's (one schema for the API and the domain).
import { deadlinePolicy } from '../../vocabulary/deadline-policy.ts';

export {
  deadlinePolicyDefinition as deadlinePolicyDefinitionSchema,
  gradeDeadlinesSchema,
  policyAnchors,
} from '../../vocabulary/deadline-policy.ts';

/** A policy without the preset flag (the presets below, a policy read back from storage). */
export const deadlinePolicySchema = deadlinePolicy.omit({ preset: true });
