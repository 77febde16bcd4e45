// Public face of the documents module: other modules, src/http, src/cli and src/demo import only this file.
export { documentsOverdueForReview, type OverdueReview } from './documents.read.ts';
export { createDocument, documentReadiness, sendReviewReminders } from './documents.service.ts';
