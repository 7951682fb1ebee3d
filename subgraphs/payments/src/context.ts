import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import type { OutboxRelay } from '../../../common/events/outbox.js';
import type { BookingChargeLookup } from './booking-charges.js';
import type { CreditChannel, PaymentsDatabase } from './db/database.js';
import { createLoaders, type PaymentsLoaders } from './loaders.js';
import type { PaymentProvider } from './providers/provider.js';

export interface PaymentsServices {
  db: Kysely<PaymentsDatabase>;
  relay: OutboxRelay;
  provider: PaymentProvider;
  bookingCharge: BookingChargeLookup;
  /** The platform's cut of each online payment, in basis points, frozen on the payment when it succeeds. */
  platformFeeBps: number;
  /** What the platform charges for one credit of each channel, in minor units of `currency`. */
  creditPrices: { currency: string; perCredit: Record<CreditChannel, number> };
}

export interface PaymentsContext extends PaymentsServices {
  viewer: Viewer | null;
  loaders: PaymentsLoaders;
}

export function createContext(services: PaymentsServices, viewer: Viewer | null): PaymentsContext {
  return { ...services, viewer, loaders: createLoaders(services.db, viewer) };
}
