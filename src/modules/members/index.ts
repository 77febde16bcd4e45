// Public face of the members module: other modules, src/http, src/cli and src/demo import only this file.

export {
  adminContacts,
  type DirectoryEntry,
  type MemberContact,
  memberByEmail,
  memberDirectory,
  membershipOfUser,
} from './members.read.ts';
export { type Admission, admitMember } from './members.writes.ts';
export { assignableOwner } from './owners.ts';
