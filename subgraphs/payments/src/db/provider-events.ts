import type { PaymentsDb } from './database.js';

/** Records a webhook delivery; false if it was seen before (the provider redelivers until we answer 2xx). */
export async function recordProviderEvent(
  db: PaymentsDb,
  event: { provider: string; eventId: string; tenantId: string; paymentId: string | null; type: string; occurredAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('provider_events')
    .values({ provider: event.provider, event_id: event.eventId, tenant_id: event.tenantId, payment_id: event.paymentId, type: event.type, occurred_at: event.occurredAt })
    .onConflict((oc) => oc.columns(['provider', 'event_id']).doNothing())
    .returning('event_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
