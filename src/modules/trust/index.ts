// Public face of the trust module: other modules, src/http, src/cli and src/demo import only this file.
export { createGrant, createLink, listLinks, revokeLink } from './trust-access.service.ts';
export { addGeneratedDocument, uploadDocument } from './trust-documents.service.ts';
export { addNdaVersion, savePage, setPublished } from './trust-page.service.ts';
export { requestAccess } from './trust-public.service.ts';
export { capabilityIsLive, customDomainRedirect, visitorContext } from './trust-visitor.ts';
