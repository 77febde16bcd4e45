// Who a comment mentions (@ana, @ana@example.com, a unique first name), for any module that stores comments.

import type { Db } from '../../db/connection.ts';
import { findMentions, handlesIn, type Mentionable } from '../../domain/collaboration/mentions.ts';
import { mentionCandidates } from './notifications.repository.ts';

/** The members a comment names; only the people its handles could match are read. */
export async function mentionedIn(db: Db, organisationId: string, body: string): Promise<Mentionable[]> {
  const handles = handlesIn(body);
  if (handles.length === 0) return [];
  return findMentions(body, await mentionCandidates(db, organisationId, handles));
}
