// Public face of the organisations module: other modules, src/http, src/cli and src/demo import only this file.

export { organisationRef } from './organisations.read.ts';
export {
  findOrganisationBySlug,
  insertMembership,
  membershipById,
  membershipBySlug,
  membershipsWithEmail,
  organisationSettings,
  organisationsAfter,
  organisationsOfUser,
} from './organisations.repository.ts';
export {
  createOrganisation,
  getSettings,
  updateSettings,
} from './organisations.service.ts';
