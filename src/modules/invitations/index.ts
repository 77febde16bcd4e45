// Public face of the invitations module: other modules, src/http, src/cli and src/demo import only this file.
export { inviteMember } from './invitations.service.ts';
