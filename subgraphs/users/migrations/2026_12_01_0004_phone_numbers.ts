import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // For SMS and WhatsApp: an E.164 number (+, country code, subscriber number; 8 to 15 digits),
  // and the user's refusals of each channel, which announcements must respect.
  await sql`alter table users add column phone text check (phone ~ '^\\+[1-9][0-9]{7,14}$')`.execute(db);
  await sql`alter table users add column sms_opt_out boolean not null default false`.execute(db);
  await sql`alter table users add column whatsapp_opt_out boolean not null default false`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['whatsapp_opt_out', 'sms_opt_out', 'phone']) await sql`alter table users drop column ${sql.ref(column)}`.execute(db);
}
