// Public face of the members module: other modules, src/http, src/cli and src/demo import only this file.
export { type Admission, admitMember } from './members.admission.ts';
export {
  adminContacts,
  type DirectoryEntry,
  type MemberContact,
  memberByEmail,
  memberDirectory,
  membershipOfUser,
} from './members.read.ts';
export { assignableOwner } from './owners.ts';
