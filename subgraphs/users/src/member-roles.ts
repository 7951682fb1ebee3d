import type { RequestHandler } from 'express';
import { inTenant } from '../../../common/db/scope.js';
import type { MemberRole } from '../../../common/subgraph-kit/endpoint-answers.js';
import { isUuid } from '../../../common/validation.js';
import type { UsersServices } from './context.js';
import { findUsersByIds } from './db.js';

/**
 * A member's role and status, for a service that decides who may reach whom:
 * `GET /internal/member-roles?tenantId=…&userId=…`, for Carrel services only (the platform checks
 * the service proof on `/internal/*`). Read in the named tenant: a user of another tenant is 404
 * like one that does not exist.
 */
export const memberRoles = ({ db }: Pick<UsersServices, 'db'>): RequestHandler =>
  async (req, res) => {
    const { tenantId, userId } = req.query;
    if (typeof tenantId !== 'string' || typeof userId !== 'string' || !isUuid(tenantId) || !isUuid(userId)) {
      res.status(400).json({ error: 'tenantId and userId must be UUIDs' });
      return;
    }
    const [user] = await inTenant(db, tenantId, (trx) => findUsersByIds(trx, [userId]));
    if (!user || user.tenant_id !== tenantId) {
      res.status(404).json({ error: 'no such member' });
      return;
    }
    const answer: MemberRole = { userId: user.id, role: user.role as MemberRole['role'], status: user.status };
    res.json(answer);
  };
