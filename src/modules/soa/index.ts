// Public face of the soa module: other modules, src/http, src/cli and src/demo import only this file.

export { controlsInForce, currentStatement, ownControlIds } from './soa.read.ts';
export { soaExport } from './soa.report.ts';
export { approveVersion, createVersion, showVersion } from './soa.service.ts';
export { updateEntry, updateScope } from './soa-edit.service.ts';
export { addOtherControl } from './soa-other.service.ts';
