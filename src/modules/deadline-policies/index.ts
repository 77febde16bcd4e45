// Public face of the deadline-policies module: other modules, src/http, src/cli and src/demo import only this file.
export {
  defaultPolicyKey,
  listPolicies,
  policyDefinition,
  upsertPolicyIn,
} from './deadline-policies.service.ts';
