// Public face of the management-review module: other modules, src/http, src/cli and src/demo import only this file.
export { createReview, updateReview } from './management-review.service.ts';
