// Public face of the sso module: other modules, src/http, src/cli and src/demo import only this file.

export { emailDomainUsesSso } from './sso.read.ts';
export { configureSaml, samlScreening } from './sso.saml.ts';
export { configureOidc, provisionSsoMember, ssoRequired } from './sso.service.ts';
