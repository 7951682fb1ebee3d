import type { Express } from 'express';
import express from 'express';
import { inTenant } from '../../../../common/db/scope.js';
import { logger } from '../../../../common/logger.js';
import { isUuid } from '../../../../common/validation.js';
import { WebhookSignatureError } from '../../../../common/webhooks/signature.js';
import type { CommunitiesServices } from '../context.js';
import type { DeliveryReceipt } from './channels/messaging-provider.js';
import { recordReceipt } from './db.js';

/** Where providers post delivery receipts, on the communities service itself. */
export const RECEIPTS_PATH = '/webhooks/messaging';

/**
 * Delivery receipts of SMS and WhatsApp messages, posted by the provider straight to this service
 * (through the deployment's ingress; the router does not route it). Verified, then applied in the
 * tenant the receipt's metadata names, to a delivery of that tenant sent under that provider
 * message id, once: a repeated or late receipt changes nothing. A receipt that overtook our own
 * record of the send is refused for now (409), so the provider delivers it again.
 */
export function receiptRoutes(app: Express, { db, channels }: Pick<CommunitiesServices, 'db' | 'channels'>): void {
  app.post(RECEIPTS_PATH, express.raw({ type: '*/*', limit: '64kb' }), async (req, res) => {
    let receipt: DeliveryReceipt | null;
    try {
      receipt = channels.messaging.readReceipt(req.body as Buffer, req.headers, req.originalUrl);
    } catch (error) {
      if (error instanceof WebhookSignatureError || error instanceof SyntaxError) return void res.status(400).json({ error: 'signature verification failed' });
      throw error;
    }
    if (!receipt || !isUuid(receipt.tenantId) || !isUuid(receipt.deliveryId)) return void res.json({ received: true });
    const { tenantId, deliveryId, providerMessageId, state } = receipt;
    const outcome = await inTenant(db, tenantId, (trx) => recordReceipt(trx, deliveryId, providerMessageId, state));
    if (outcome === 'early') return void res.status(409).json({ error: 'not sent yet; deliver it again' });
    if (outcome === 'ignored') logger.debug({ deliveryId }, 'a delivery receipt changed nothing');
    res.json({ received: true });
  });
}
