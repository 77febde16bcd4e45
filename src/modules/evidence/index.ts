// Public face of the evidence module: other modules, src/http, src/cli and src/demo import only this file.
export { acceptUpload } from './accept-upload.ts';
export { type EvidenceRow, evidenceItem, evidenceOf, presentedEvidence } from './evidence.read.ts';
export { attachEvidence, presentEvidence } from './evidence.service.ts';
