import { postToEndpoint } from '../../../../common/subgraph-kit/ask-endpoint.js';
import { ErrorCode, insufficientCredits } from '../../../../common/errors.js';
import type { MessageChannel } from './db.js';

/** The credits announcements spend, through the platform's credit reservation endpoints. */
export interface CreditsApi {
  /** Holds `amount` credits of the channel for the reference: all or nothing; INSUFFICIENT_CREDITS otherwise. Idempotent on the reference. */
  reserve(tenantId: string, channel: MessageChannel, amount: number, reference: string): Promise<void>;
  /** Consumes (capture) or gives back (release) part of a reservation, once per settlement reference. */
  settle(how: 'capture' | 'release', tenantId: string, reference: string, amount: number, settlementReference: string): Promise<void>;
}

interface Refusal {
  error?: { code?: string; message?: string };
}

export function creditsApi(urls: { reserve: string; capture: string; release: string }, serviceSecret: string): CreditsApi {
  const call = async (url: string, body: object) => {
    const { status, body: answer } = await postToEndpoint<Refusal>(url, { ...body, service: 'announcements' }, serviceSecret, 'payments');
    return { status, code: answer?.error?.code, message: answer?.error?.message };
  };
  return {
    async reserve(tenantId, channel, amount, reference) {
      const { status, code, message } = await call(urls.reserve, { tenantId, channel, amount, reference });
      if (code === ErrorCode.INSUFFICIENT_CREDITS) throw insufficientCredits(channel, amount);
      if (status !== 200) throw new Error(`reserving credits answered ${status} ${code}: ${message}`);
    },
    async settle(how, tenantId, reference, amount, settlementReference) {
      const { status, code, message } = await call(how === 'capture' ? urls.capture : urls.release, { tenantId, reference, amount, settlementReference });
      if (status !== 200) throw new Error(`${how} of credits answered ${status} ${code}: ${message}`);
    },
  };
}
