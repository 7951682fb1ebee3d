import { verifyWebhook } from '../../../../../common/webhooks/signature.js';
import type { SendResult } from './channel.js';
import type { MessagingProvider } from './messaging-provider.js';
import { SIMULATED_RECEIPT_SIGNATURE_HEADER, type GatewayReceipt } from './simulated-gateway.js';

/** The simulated gateway (`startSimulatedGateway`) at `url`, spoken to as a real provider's API is. */
export function simulatedMessaging({ url, secret }: { url: string; secret: string }): MessagingProvider {
  const endpoint = new URL('/v1/messages', url);
  return {
    name: 'simulated',
    async send(message): Promise<SendResult> {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        return { ok: false, permanent: false, error: `gateway unreachable: ${(error as Error).message}` };
      }
      const answer = (await response.json().catch(() => ({}))) as { id?: string; code?: string; message?: string };
      if (response.ok && answer.id) return { ok: true, providerMessageId: answer.id };
      return { ok: false, permanent: response.status >= 400 && response.status < 500 && response.status !== 429, error: `${answer.code ?? response.status}: ${answer.message ?? ''}` };
    },
    readReceipt(rawBody, headers) {
      verifyWebhook(headers[SIMULATED_RECEIPT_SIGNATURE_HEADER], rawBody, secret);
      const receipt = JSON.parse(rawBody.toString('utf8')) as GatewayReceipt;
      const { tenantId, deliveryId } = receipt.metadata ?? {};
      if (!tenantId || !deliveryId) return null;
      return { providerMessageId: receipt.id, state: receipt.status === 'delivered' ? 'DELIVERED' : 'UNDELIVERED', tenantId, deliveryId };
    },
  };
}
