// Roles live in the vocabulary (src/vocabulary/roles.ts); re-exported for the contracts' users.
export { type Role, role, roleLabels, roles } from '../vocabulary/roles.ts';
