import { z } from 'zod';
import { badUserInput } from '../../common/errors.js';
import { DateTime, SafeInt } from '../../common/scalars.js';
import { defineSubgraph, type SubgraphPlatform } from '../../common/subgraph-kit/manifest.js';
import { migrations } from './migrations/index.js';
import { automaticRefunds } from './src/automatic-refunds.js';
import { bookingChargeLookup } from './src/booking-charges.js';
import type { Resolvers } from './src/__generated__/resolvers-types.js';
import { createContext, type PaymentsServices } from './src/context.js';
import { captureCredits, releaseCredits, reserveCredits } from './src/credit-endpoints.js';
import type { PaymentsDatabase } from './src/db/database.js';
import { chooseProvider, providerSettings } from './src/providers/choose-provider.js';
import { Booking } from './src/resolvers/Booking.js';
import { CreditEntry } from './src/resolvers/CreditEntry.js';
import { CreditEvent } from './src/resolvers/CreditEvent.js';
import { CreditWallet } from './src/resolvers/CreditWallet.js';
import { Mutation } from './src/resolvers/Mutation.js';
import { Payment } from './src/resolvers/Payment.js';
import { PaymentEvent } from './src/resolvers/PaymentEvent.js';
import { PaymentPolicy } from './src/resolvers/PaymentPolicy.js';
import { Query } from './src/resolvers/Query.js';
import { Refund } from './src/resolvers/Refund.js';
import { Settlement } from './src/resolvers/Settlement.js';
import { Tenant } from './src/resolvers/Tenant.js';
import { User } from './src/resolvers/User.js';
import { walletOpening } from './src/wallet-opening.js';
import { webhookRoutes } from './src/webhooks.js';

const resolvers: Resolvers = { DateTime, SafeInt, Query, Mutation, Payment, Refund, Booking, User, Tenant, CreditWallet, CreditEntry, Settlement, PaymentEvent, CreditEvent, PaymentPolicy };

const paymentsSettings = providerSettings.and(
  z.object({
    /** The platform's cut of each online payment, in basis points (300 = 3%). */
    PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(5_000).default(300),
    /** What owners pay for one credit, in minor units of CREDIT_PRICE_CURRENCY. */
    CREDIT_PRICE_CURRENCY: z.string().regex(/^[A-Z]{3}$/).default('INR'),
    CREDIT_PRICE_SMS: z.coerce.number().int().min(1).default(25),
    CREDIT_PRICE_WHATSAPP: z.coerce.number().int().min(1).default(50),
    CREDIT_PRICE_EMAIL: z.coerce.number().int().min(1).default(5),
  }),
);

/** Payments for bookings through a provider or at the desk, refunds, credit wallets; contributes Booking.payment, User.payments, Tenant.creditWallet. */
export default defineSubgraph({
  schema: new URL('./schema.graphql', import.meta.url),
  resolvers,
  migrations,
  settings: paymentsSettings,
  services: ({ db, relay, settings, endpointUrl, serviceSecret }: SubgraphPlatform<PaymentsDatabase, z.infer<typeof paymentsSettings>>): PaymentsServices => ({
    db,
    relay,
    provider: chooseProvider(settings),
    bookingCharge: bookingChargeLookup(endpointUrl('bookingCharges'), serviceSecret),
    platformFeeBps: settings.PLATFORM_FEE_BPS,
    creditPrices: {
      currency: settings.CREDIT_PRICE_CURRENCY,
      perCredit: { SMS: settings.CREDIT_PRICE_SMS, WHATSAPP: settings.CREDIT_PRICE_WHATSAPP, EMAIL: settings.CREDIT_PRICE_EMAIL },
    },
  }),
  context: createContext,
  constraintErrors: {
    payments_one_success_per_booking: () => badUserInput('This booking is already paid.', 'bookingId'),
    payments_one_pending_per_booking: () => badUserInput('A payment for this booking is already in progress.', 'bookingId'),
    settlements_utr_key: () => badUserInput('That UTR is recorded for another settlement.', 'utr'),
  },
  consumers: (services) => ({ 'automatic-refunds': automaticRefunds(services), 'wallet-opening': walletOpening(services) }),
  endpoints: { creditReservations: reserveCredits, creditCaptures: captureCredits, creditReleases: releaseCredits },
  routes: (app, services) => {
    webhookRoutes(app, services);
    (services.provider as ReturnType<typeof chooseProvider>).routes?.(app);
  },
});
