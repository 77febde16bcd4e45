// Public face of the conversations module: other modules, src/http, src/cli and src/demo import only this file.
export { commentOnTask, readTaskConversation } from './conversations.service.ts';
