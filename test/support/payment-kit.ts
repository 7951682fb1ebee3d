import { randomUUID } from 'node:crypto';
import { SERVICE_PROOF_HEADER } from '../../common/auth/service-proof.js';
import { SIMULATED_CARDS, SIMULATED_SIGNATURE_HEADER, signSimulatedWebhook, type SimulatedWebhookBody } from '../../subgraphs/payments/src/providers/simulated.js';
import { PayForBookingDocument, UpdateBookingPolicyDocument, type PayForBookingMutation } from '../__generated__/operations.js';
import { must } from './client.js';
import type { Member } from './seed-kit.js';
import { TEST_SIMULATED_PROVIDER_SECRET, type TestStack } from './stack.js';

export type StartedPayment = PayForBookingMutation['payForBooking'];
export { SIMULATED_CARDS };

export const requirePayment = (graphqlUrl: string, owner: Member, holdSeconds = 900) =>
  must(graphqlUrl, UpdateBookingPolicyDocument, { input: { paymentRequired: true, holdSeconds } }, owner.token);

export async function startPayment(graphqlUrl: string, payer: Member, bookingId: string, idempotencyKey = randomUUID()): Promise<StartedPayment> {
  return (await must(graphqlUrl, PayForBookingDocument, { bookingId, idempotencyKey }, payer.token)).payForBooking;
}

/** The payer presents a card at the simulated provider's checkout, as a portal would post it. */
export function presentCard(stack: TestStack, payment: StartedPayment, cardNumber: string): Promise<Response> {
  return fetch(new URL(payment.checkout!.checkoutUrl!, stack.subgraphs.payments.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cardNumber }),
  });
}

/** The provider's reference of a payment started with the simulated provider: the last segment of its checkout URL. */
export const providerRefOf = (payment: StartedPayment) => payment.checkout!.checkoutUrl!.split('/').pop()!;

/** Sends a webhook as the simulated provider would, signed with `secret` (the deployment's unless forging). */
export async function sendWebhook(stack: TestStack, body: SimulatedWebhookBody, { secret = TEST_SIMULATED_PROVIDER_SECRET, signedAt = new Date() } = {}): Promise<number> {
  const payload = JSON.stringify(body);
  const response = await fetch(new URL('/webhooks/simulated', stack.subgraphs.payments.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIMULATED_SIGNATURE_HEADER]: signSimulatedWebhook(payload, secret, signedAt) },
    body: payload,
  });
  return response.status;
}

/** A webhook body about a payment, as the simulated provider writes one. */
export function webhookBody(
  type: SimulatedWebhookBody['type'],
  about: { ref: string; paymentId: string; tenantId: string },
  { id = `sim_evt_${randomUUID()}`, created = new Date() } = {},
): SimulatedWebhookBody {
  return {
    id,
    type,
    created: Math.floor(created.getTime() / 1000),
    data: { ref: about.ref, metadata: { paymentId: about.paymentId, tenantId: about.tenantId }, gatewayFeeMinor: type === 'payment.succeeded' ? 0 : null, failureReason: type === 'payment.failed' ? 'Declined.' : null },
  };
}

/** What the credit reservation API answers. */
export interface CreditReservation {
  id: string;
  reference: string;
  channel: string;
  amount: number;
  captured: number;
  released: number;
}

/** Calls the payments service's internal credit API as another Carrel service would, with the deployment's secret. */
export async function creditApi(stack: TestStack, path: '' | '/capture' | '/release', body: Record<string, unknown>, secret = stack.env.SERVICE_SECRET!) {
  const response = await fetch(new URL(`/internal/credit-reservations${path}`, stack.subgraphs.payments.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SERVICE_PROOF_HEADER]: secret },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as CreditReservation & { error?: { code: string; message: string } } };
}

export async function reserveCredits(stack: TestStack, order: { tenantId: string; channel: string; amount: number; reference: string; service: string }): Promise<CreditReservation> {
  const { status, body } = await creditApi(stack, '', order);
  if (status !== 200) throw new Error(`reserving credits answered ${status}: ${JSON.stringify(body)}`);
  return body;
}
