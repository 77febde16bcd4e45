import { labelOf } from '../../../../src/vocabulary/labels.ts';
import { type Role, roles } from '../../../../src/vocabulary/roles.ts';

// "On first sign-in" of a connection, either protocol: a role for just-in-time membership, or none.
export const INVITATION_ONLY = 'invitation-only';

export const accessOptions = [
  ...roles.map((r) => ({ value: r, label: `Joins as ${labelOf.role(r)}` })),
  { value: INVITATION_ONLY, label: 'Invitation only (joins no organisation)' },
];

export const jitRoleOf = (access: string): Role | null =>
  access === INVITATION_ONLY ? null : (access as Role);

export const accessOf = (jitRole: Role | null | undefined, fresh: string) =>
  jitRole === undefined ? fresh : (jitRole ?? INVITATION_ONLY);
