import type { z } from 'zod';
import type { member } from '../../contracts/foundation.ts';
import type { Role } from '../../contracts/roles.ts';

export function presentMember(row: {
  id: string;
  user_id: string;
  role: Role;
  created_at: string;
  name: string;
  email: string;
  twoFactorEnabled: number | boolean | null;
}): z.infer<typeof member> {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    twoFactorEnabled: Boolean(row.twoFactorEnabled),
    joinedAt: row.created_at,
  };
}
