/** What each GraphQL type's resolvers receive as their parent: codegen maps every `<Type>Mapper` here. */
export type { PaymentRow as PaymentMapper } from './db/payments.js';
export type { RefundRow as RefundMapper } from './db/refunds.js';
export type { RevenueSummaryRow as RevenueSummaryMapper, RevenueBucketRow as RevenueBucketMapper } from './db/revenue.js';
export type { CreditEntryRow as CreditEntryMapper } from './db/credits.js';
export type { SettlementRow as SettlementMapper } from './db/settlements.js';
export type { PaymentPolicy as PaymentPolicyMapper } from './db/policies.js';
/** A tenant's wallet, resolved from its accounts by the `accountsOfTenant` loader. */
export type CreditWalletMapper = { tenantId: string };
export type { CarrelEvent as PaymentEventMapper, CarrelEvent as CreditEventMapper } from '../../../common/events/event.js';
export type UserMapper = { id: string };
export type TenantMapper = { id: string };
export type BookingMapper = { id: string };
