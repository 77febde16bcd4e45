// Public face of the findings-import module: other modules, src/http, src/cli and src/demo import only this file.
export { importFindings } from './import.service.ts';
