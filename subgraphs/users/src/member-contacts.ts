import type { RequestHandler } from 'express';
import { z } from 'zod';
import { inTenant } from '../../../common/db/scope.js';
import type { MemberContact, MemberContacts } from '../../../common/subgraph-kit/endpoint-answers.js';
import type { UsersServices } from './context.js';
import type { UsersDb } from './db.js';

/** The most members one answer holds; `everyone` pages on by `next`. */
const CONTACTS_PAGE = 1_000;

const request = z.union([
  z.object({ tenantId: z.string().uuid(), userIds: z.array(z.string().uuid()).min(1).max(CONTACTS_PAGE) }),
  z.object({ tenantId: z.string().uuid(), everyone: z.literal(true), after: z.string().uuid().nullish() }),
]);

function activeMembers(db: UsersDb, tenantId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'phone', 'sms_opt_out', 'whatsapp_opt_out'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'ACTIVE')
    .orderBy('id');
}

/**
 * `POST /internal/member-contacts`, for Carrel services only (the platform checks the service
 * proof on `/internal/*`): the contacts of the named active members of the tenant (`userIds`; the
 * others, and users of other tenants, are left out), or of all of them a page at a time
 * (`everyone`, then `after` the answer's `next`). Read in the named tenant.
 */
export const memberContacts = ({ db }: Pick<UsersServices, 'db'>): RequestHandler =>
  async (req, res) => {
    const parsed = request.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'tenantId with userIds (at most 1000), or with everyone, is required' });
      return;
    }
    const asked = parsed.data;
    const rows = await inTenant(db, asked.tenantId, (trx) => {
      const members = activeMembers(trx, asked.tenantId);
      if ('userIds' in asked) return members.where('id', 'in', asked.userIds).execute();
      return members.$if(Boolean(asked.after), (q) => q.where('id', '>', asked.after!)).limit(CONTACTS_PAGE + 1).execute();
    });
    const page = rows.slice(0, CONTACTS_PAGE);
    const contacts: MemberContact[] = page.map((row) => ({
      userId: row.id,
      displayName: row.display_name,
      email: row.email,
      phone: row.phone,
      smsOptOut: row.sms_opt_out,
      whatsappOptOut: row.whatsapp_opt_out,
    }));
    const answer: MemberContacts = { contacts, next: rows.length > CONTACTS_PAGE ? page.at(-1)!.id : null };
    res.json(answer);
  };
