import type { PaymentsDb } from './database.js';

export interface PaymentPolicy {
  refund_on_cancellation: boolean;
}

/** A tenant's policy until its owner sets one: a cancelled paid booking is refunded in full. */
export const DEFAULT_PAYMENT_POLICY: PaymentPolicy = { refund_on_cancellation: true };

/** Each tenant's policy, in the order asked. */
export async function findPaymentPolicies(db: PaymentsDb, tenantIds: readonly string[]): Promise<PaymentPolicy[]> {
  const rows = await db.selectFrom('payment_policies').select(['tenant_id', 'refund_on_cancellation']).where('tenant_id', 'in', tenantIds).execute();
  const byTenant = new Map(rows.map(({ tenant_id, ...policy }) => [tenant_id, policy]));
  return tenantIds.map((id) => byTenant.get(id) ?? DEFAULT_PAYMENT_POLICY);
}

export function savePaymentPolicy(db: PaymentsDb, tenantId: string, policy: PaymentPolicy, updatedBy: string): Promise<PaymentPolicy> {
  return db
    .insertInto('payment_policies')
    .values({ tenant_id: tenantId, ...policy, updated_by: updatedBy })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...policy, updated_by: updatedBy, updated_at: new Date() }))
    .returning(['refund_on_cancellation'])
    .executeTakeFirstOrThrow();
}
