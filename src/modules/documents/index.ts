// Public face of the documents module: other modules, src/http, src/cli and src/demo import only this file.
export { listDocuments } from './documents.repository.ts';
export { createDocument, documentReadiness, sendReviewReminders } from './documents.service.ts';
