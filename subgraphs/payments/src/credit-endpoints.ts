import type { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { ErrorCode } from '../../../common/errors.js';
import type { PaymentsServices } from './context.js';
import { CREDIT_CHANNELS, type CreditReservationRow } from './db/credits.js';
import { reserve, settle } from './wallets.js';

/**
 * The credit reservation API other Carrel services call, as the platform endpoints
 * `creditReservations`, `creditCaptures` and `creditReleases` (announcements reserve before
 * sending, capture what was delivered, release what failed): under `/internal/`, so only callers
 * with the deployment's service secret reach it; it is not in the GraphQL schema. Every call is idempotent
 * on its reference. Errors carry the API's codes: 409 INSUFFICIENT_CREDITS or
 * IDEMPOTENCY_KEY_REUSED, 404 NOT_FOUND, 400 BAD_USER_INPUT.
 */
const reference = z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/);
const amount = z.number().int().positive().max(1_000_000_000);
const tenantId = z.string().uuid();
const service = z.string().regex(/^[a-z-]{1,40}$/);

const reserveBody = z.object({ tenantId, channel: z.enum(CREDIT_CHANNELS as [string, ...string[]]), amount, reference, service });
const settleBody = z.object({ tenantId, reference, amount, settlementReference: reference, service });

const STATUS_BY_CODE: Partial<Record<string, number>> = {
  [ErrorCode.INSUFFICIENT_CREDITS]: 409,
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: 409,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
};

const reservationJson = (row: CreditReservationRow) => ({
  id: row.id,
  reference: row.reference,
  channel: row.channel,
  amount: Number(row.amount),
  captured: Number(row.captured),
  released: Number(row.released),
});

async function answer(res: Response, work: () => Promise<CreditReservationRow>): Promise<void> {
  try {
    res.json(reservationJson(await work()));
  } catch (error) {
    const status = error instanceof GraphQLError ? STATUS_BY_CODE[error.extensions.code as string] : undefined;
    if (!status) throw error;
    res.status(status).json({ error: { message: error instanceof Error ? error.message : '', code: (error as GraphQLError).extensions.code } });
  }
}

type Handler = (services: PaymentsServices) => RequestHandler;

export const reserveCredits: Handler = (services) => async (req, res) => {
  const body = reserveBody.safeParse(req.body);
  if (!body.success) return void res.status(400).json({ error: { message: 'tenantId, channel, amount, reference and service are required', code: ErrorCode.BAD_USER_INPUT } });
  await answer(res, () => reserve(services, { ...body.data, channel: body.data.channel as (typeof CREDIT_CHANNELS)[number] }));
};

const settleCredits = (how: 'CAPTURE' | 'RELEASE'): Handler => (services) => async (req, res) => {
  const body = settleBody.safeParse(req.body);
  if (!body.success) return void res.status(400).json({ error: { message: 'tenantId, reference, amount, settlementReference and service are required', code: ErrorCode.BAD_USER_INPUT } });
  await answer(res, () => settle(services, how, body.data));
};

export const captureCredits = settleCredits('CAPTURE');
export const releaseCredits = settleCredits('RELEASE');
