import type { Kysely } from 'kysely';
import { asPlatform } from '../../../../common/db/scope.js';
import { logger } from '../../../../common/logger.js';
import { requireEmail } from '../../../../common/validation.js';
import { insertUser, platformAdminExists, type UsersDatabase } from '../db.js';
import { hashPassword, MIN_PASSWORD_LENGTH, type PasswordHashCost } from './passwords.js';

/** The first platform admin comes from configuration, once: later ones are created through the API. */
export async function ensurePlatformAdmin(db: Kysely<UsersDatabase>, passwordHashCost: PasswordHashCost, admin: { email: string; password: string }): Promise<void> {
  if (admin.password.length < MIN_PASSWORD_LENGTH) throw new Error(`CARREL_ADMIN_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters.`);
  const access = { actor: 'system:bootstrap', action: 'create first platform admin' };
  await asPlatform(db, access, async (trx) => {
    if (await platformAdminExists(trx)) return;
    const passwordHash = await hashPassword(admin.password, passwordHashCost);
    await insertUser(trx, { tenant_id: null, email: requireEmail(admin.email), display_name: 'Platform admin', role: 'PLATFORM_ADMIN', password_hash: passwordHash });
    logger.info({ email: admin.email }, 'created the first platform admin');
  });
}
