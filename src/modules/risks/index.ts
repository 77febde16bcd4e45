// Public face of the risks module: other modules, src/http, src/cli and src/demo import only this file.
export { risksInForce } from './risks.read.ts';
export { createRisk, updateRisk } from './risks.service.ts';
