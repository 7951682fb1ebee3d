import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { z } from 'zod';
import { optionalUrl, unsetIfEmpty } from '../../../../common/config.js';
import type { PaymentProvider } from './provider.js';
import { simulatedProvider } from './simulated.js';
import { stripeProvider } from './stripe.js';

export const providerSettings = z
  .object({
    /** Stripe when set; otherwise the built-in simulated provider. Empty counts as unset (docker-compose passes empties). */
    STRIPE_SECRET_KEY: unsetIfEmpty(z.string().startsWith('sk_')),
    STRIPE_WEBHOOK_SECRET: unsetIfEmpty(z.string().startsWith('whsec_')),
    /** Where Stripe's API is, for a stand-in; Stripe's own by default. */
    STRIPE_API_BASE: optionalUrl,
    /** Signs the simulated provider's webhooks; a fresh one per process unless set (tests that sign their own set it). */
    SIMULATED_PROVIDER_SECRET: z.string().min(32).default(() => randomBytes(32).toString('base64url')),
  })
  .refine((env) => !env.STRIPE_SECRET_KEY || env.STRIPE_WEBHOOK_SECRET, { message: 'STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY', path: ['STRIPE_WEBHOOK_SECRET'] });

/** The provider the settings name, and the routes it serves on the payments service (the simulated checkout). */
export function chooseProvider(settings: z.infer<typeof providerSettings>): PaymentProvider & { routes?(app: Express): void } {
  if (settings.STRIPE_SECRET_KEY) {
    return stripeProvider({
      secretKey: settings.STRIPE_SECRET_KEY,
      webhookSecret: settings.STRIPE_WEBHOOK_SECRET!,
      ...(settings.STRIPE_API_BASE ? { apiBase: new URL(settings.STRIPE_API_BASE) } : {}),
    });
  }
  return simulatedProvider({ webhookSecret: settings.SIMULATED_PROVIDER_SECRET });
}
