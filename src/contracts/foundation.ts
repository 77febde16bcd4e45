import { z } from 'zod';
import { id, isoDate, isoDateTime, slug } from './common.ts';
import { role } from './roles.ts';

export const email = z.string().trim().toLowerCase().email('must be an email address').max(254);
export const password = z.string().min(12, 'at least 12 characters').max(128);

export const health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    migration: z.string().nullable(),
    pending: z.number(),
  }),
});

/** `GET /api/ready`: this instance may take traffic (a failing check answers 503 problem+json instead). */
export const ready = z.object({
  status: z.literal('ready'),
  database: z.object({ kind: z.enum(['sqlite', 'postgres']), migration: z.string().nullable() }),
});

export const setupStatus = z.object({ needsSetup: z.boolean() });
export const setupRequest = z.object({
  name: z.string().trim().min(1).max(120),
  email,
  password,
  organisationName: z.string().trim().min(1).max(120),
  organisationSlug: slug,
});

export const organisation = z.object({ id, slug, name: z.string(), createdAt: isoDateTime });
export const myOrganisation = organisation.extend({
  role,
  limited: z.boolean().describe('a guest who sees only the findings they were invited to'),
});
export const createOrganisationRequest = z.object({ name: z.string().trim().min(1).max(120), slug });

export const me = z.object({
  user: z.object({ id, name: z.string(), email: z.string(), twoFactorEnabled: z.boolean() }),
  organisations: z.array(myOrganisation),
  /** An instance operator (CLOSELOOP_OPERATORS): may read and retry the instance's own failed jobs. */
  operator: z.boolean(),
});

export const member = z.object({
  id,
  userId: id,
  name: z.string(),
  email: z.string(),
  role,
  twoFactorEnabled: z.boolean(),
  joinedAt: isoDateTime,
});
export const updateMemberRequest = z.object({ role });

export const invitation = z.object({
  id,
  email: z.string(),
  role,
  invitedBy: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
/** The answer to the one who invites: the link, so they can pass it on when no mail goes out. */
export const createdInvitation = invitation.extend({
  link: z.string().describe('the single-use link, shown only to the person who created the invitation'),
});
export const createInvitationRequest = z.object({
  email,
  role,
  expiresInDays: z.number().int().min(1).max(30).default(7),
  findingIds: z
    .array(id)
    .min(1)
    .max(200)
    .optional()
    .describe('a guest: the invitee sees only these findings (and their actions, evidence and comments)'),
});
export const invitationPreview = z.object({
  organisationName: z.string(),
  email: z.string(),
  role,
  expiresAt: isoDateTime,
  accountExists: z.boolean(),
});
export const acceptInvitationRequest = z.object({
  token: z.string().min(20).max(200),
  /** Needed only when no account exists yet for the invited address. */
  name: z.string().trim().min(1).max(120).optional(),
  password: password.optional(),
});

export const apiToken = z.object({
  id,
  name: z.string(),
  prefix: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export const createApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(80),
  expiresInDays: z.number().int().min(1).max(730).nullable().default(90),
});
export const createdApiToken = apiToken.extend({ token: z.string().describe('shown once; store it now') });

export const auditEntry = z.object({
  seq: z.number().int(),
  at: isoDateTime,
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export const auditQuery = z.object({
  action: z.string().max(80).optional(),
  entityType: z.string().max(80).optional(),
  actor: z.string().max(254).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export const auditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});

export const mailMessage = z.object({
  id,
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['sent', 'logged', 'failed']),
  createdAt: isoDateTime,
});

export const organisationSettings = z.object({
  name: z.string().trim().min(1).max(120),
  timezone: z.string().min(1).max(64).default('UTC'),
  holidays: z.array(isoDate).max(400).default([]),
  /** Open minors on one requirement or process, in one audit cycle, flagged as a possible systemic major. */
  systemicMinorThreshold: z.number().int().min(2).max(20).default(2),
  /** Days before a deadline when its owner gets a reminder (each once); an empty list turns them off. */
  reminderDaysBefore: z.array(z.number().int().min(0).max(90)).max(5).default([7, 1]),
  /** Hour (UTC) from which each person's daily digest is sent. */
  digestHourUtc: z.number().int().min(0).max(23).default(7),
  /** The deadline policy a new audit follows when none is named (issue #13: `cb-90` by default). */
  defaultPolicyKey: z
    .string()
    .min(2)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .optional(),

  /**
   * The administrator dismissed the first-run "next steps" (the web app's checklist after setup). Each
   * step's done/not done is read from the organisation's own data; only the dismissal is stored.
   */
  nextStepsDismissed: z.boolean().optional(),
});
