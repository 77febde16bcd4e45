// Public face of the sso module: other modules, src/http, src/cli and src/demo import only this file.

export { ssoRoutes } from './sso.routes.ts';
export { configureOidc, provisionSsoMember, ssoRequired } from './sso.service.ts';
