// Public face of the organisations module: other modules, src/http, src/cli and src/demo import only this file.

export {
  type MembershipById,
  type MembershipBySlug,
  type MembershipWithEmail,
  membershipById,
  membershipBySlug,
  membershipsWithEmail,
  organisationBySlug,
  organisationRef,
  organisationSettings,
  organisationsAfter,
  organisationsOfUser,
  type UserOrganisation,
} from './organisations.read.ts';
export {
  createOrganisation,
  getSettings,
  updateSettings,
} from './organisations.service.ts';
