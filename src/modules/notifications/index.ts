// Public face of the notifications module: other modules, src/http, src/cli and src/demo import only this file.

export { mentionedIn } from './mentions.read.ts';
export { notifyFindingMentions } from './mentions.service.ts';
export {
  notifyAssignment,
  notifyFindingStatus,
  notifyMentions,
  notifyStatusChange,
  planLink,
} from './notify.service.ts';
export { sendDueNotifications, sendDueNotificationsFor } from './reminders.service.ts';
