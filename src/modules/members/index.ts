// Public face of the members module: other modules, src/http, src/cli and src/demo import only this file.
export { findMembershipOfUser, listMembers, memberByEmail } from './members.repository.ts';
export { assignableOwner } from './owners.ts';
