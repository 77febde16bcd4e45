import { z } from 'zod';
import { id, isoDateTime } from './common.ts';

// Conversations on tasks (threaded, with @mentions and unread markers) and private calendar feeds.

export const commentInput = z.object({
  body: z.string().trim().min(1).max(10_000).describe('@name or @email mentions notify that member'),
  parentId: id.nullable().default(null),
  attachmentId: id
    .nullable()
    .default(null)
    .describe('an evidence file of the task’s finding (upload it to the finding first)'),
});

export const taskComment = z.object({
  id,
  parentId: id.nullable(),
  author: z.string(),
  body: z.string(),
  mentions: z.array(z.object({ id, name: z.string() })),
  attachment: z.object({ id, fileName: z.string(), findingId: id }).nullable(),
  createdAt: isoDateTime,
  unread: z.boolean(),
});

export const feedScope = z.enum(['mine', 'organisation']);
export const feedInput = z.object({ scope: feedScope.default('mine') });
export const calendarFeed = z.object({
  id,
  scope: feedScope,
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export const createdFeed = calendarFeed.extend({
  url: z.string().describe('the private feed address, shown once: whoever has it can read the calendar'),
});

export const notificationSettings = z.object({
  reminderDaysBefore: z.array(z.number().int().min(0).max(90)).max(5),
  digestHourUtc: z.number().int().min(0).max(23),
});
