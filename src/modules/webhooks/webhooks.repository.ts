import type { Db } from '../../db/connection.ts';
import type {
  WebhookAttemptTable,
  WebhookDeliveryTable,
  WebhookEndpointTable,
  WebhookEventTable,
} from '../../db/schema-webhooks.ts';

// The webhooks module's SQL: endpoints, the outbox of events, deliveries and their attempts, each query
// filtered by organisation.

export async function insertEndpoint(db: Db, row: WebhookEndpointTable) {
  await db.insertInto('webhook_endpoint').values(row).execute();
}

export async function listEndpoints(db: Db, organisationId: string) {
  return db
    .selectFrom('webhook_endpoint')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findEndpoint(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('webhook_endpoint')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateEndpoint(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<Omit<WebhookEndpointTable, 'id' | 'organisation_id' | 'created_at'>>,
) {
  await db
    .updateTable('webhook_endpoint')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function deleteEndpoint(db: Db, organisationId: string, id: string) {
  await db
    .deleteFrom('webhook_endpoint')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

/** The next event number of the organisation (its changes are serialised: the organisation row is locked). */
export async function nextEventSeq(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('webhook_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export async function insertEvent(db: Db, row: WebhookEventTable) {
  await db.insertInto('webhook_event').values(row).execute();
}

export async function insertDelivery(db: Db, row: WebhookDeliveryTable) {
  await db.insertInto('webhook_delivery').values(row).execute();
}

/** The organisation's pending deliveries in event order (the first `limit`: later ones wait their turn). */
export async function pendingDeliveries(db: Db, organisationId: string, limit: number) {
  return db
    .selectFrom('webhook_delivery')
    .innerJoin('webhook_event', 'webhook_event.id', 'webhook_delivery.event_id')
    .select([
      'webhook_delivery.id',
      'webhook_delivery.endpoint_id',
      'webhook_delivery.subject_key',
      'webhook_delivery.attempts',
      'webhook_delivery.next_attempt_at',
      'webhook_delivery.created_at',
      'webhook_event.id as event_id',
      'webhook_event.payload',
      'webhook_event.created_at as event_created_at',
    ])
    .where('webhook_delivery.organisation_id', '=', organisationId)
    .where('webhook_delivery.status', '=', 'pending')
    .orderBy('webhook_delivery.seq')
    .orderBy('webhook_delivery.id')
    .limit(limit)
    .execute();
}

export async function organisationsWithPending(db: Db) {
  const rows = await db
    .selectFrom('webhook_delivery')
    .select('organisation_id')
    .distinct()
    .where('status', '=', 'pending')
    .execute();
  return rows.map((r) => r.organisation_id);
}

export async function updateDelivery(
  db: Db,
  organisationId: string,
  id: string,
  patch: Partial<
    Pick<
      WebhookDeliveryTable,
      'status' | 'attempts' | 'next_attempt_at' | 'last_status_code' | 'created_at' | 'updated_at'
    >
  >,
) {
  await db
    .updateTable('webhook_delivery')
    .set(patch)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute();
}

export async function insertAttempt(db: Db, row: WebhookAttemptTable) {
  await db.insertInto('webhook_attempt').values(row).execute();
}

const deliveryColumns = [
  'webhook_delivery.id',
  'webhook_delivery.status',
  'webhook_delivery.attempts',
  'webhook_delivery.next_attempt_at',
  'webhook_delivery.last_status_code',
  'webhook_delivery.updated_at',
  'webhook_event.id as event_id',
  'webhook_event.type',
  'webhook_event.created_at as event_created_at',
] as const;

export async function listDeliveries(
  db: Db,
  organisationId: string,
  endpointId: string,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('webhook_delivery')
    .innerJoin('webhook_event', 'webhook_event.id', 'webhook_delivery.event_id')
    .where('webhook_delivery.organisation_id', '=', organisationId)
    .where('webhook_delivery.endpoint_id', '=', endpointId);
  const total = await base
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .select(deliveryColumns)
    .orderBy('webhook_delivery.seq', 'desc')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total.n) };
}

/** One delivery of an endpoint with its event, as the delivery log shows it. */
export async function deliveryOfEndpoint(db: Db, organisationId: string, endpointId: string, id: string) {
  return db
    .selectFrom('webhook_delivery')
    .innerJoin('webhook_event', 'webhook_event.id', 'webhook_delivery.event_id')
    .select(deliveryColumns)
    .where('webhook_delivery.organisation_id', '=', organisationId)
    .where('webhook_delivery.endpoint_id', '=', endpointId)
    .where('webhook_delivery.id', '=', id)
    .executeTakeFirst();
}

export async function findDelivery(db: Db, organisationId: string, id: string) {
  return db
    .selectFrom('webhook_delivery')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listAttempts(db: Db, organisationId: string, deliveryId: string) {
  return db
    .selectFrom('webhook_attempt')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('delivery_id', '=', deliveryId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
