import type { z } from 'zod';
import type { invitation } from '../../contracts/foundation.ts';
import type { InvitationTable } from '../../db/schema.ts';

export function invitationStatus(row: InvitationTable, now: string) {
  if (row.accepted_at) return 'accepted' as const;
  if (row.revoked_at) return 'revoked' as const;
  if (row.expires_at <= now) return 'expired' as const;
  return 'pending' as const;
}

export function presentInvitation(
  row: InvitationTable & { inviter_email: string },
  now: string,
): z.infer<typeof invitation> {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.inviter_email,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    status: invitationStatus(row, now),
  };
}
