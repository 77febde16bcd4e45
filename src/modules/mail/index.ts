// Public face of the mail module: other modules, src/http, src/cli and src/demo import only this file.
export { createMailer, type Mailer } from './mailer.ts';
