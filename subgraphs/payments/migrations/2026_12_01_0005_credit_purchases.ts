import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A payment is for a booking (the tenant's revenue, paid out in settlements) or for a package
  // of messaging credits (the platform's, granted from its pool when the payment succeeds).
  await sql`alter table payments add column purpose text not null default 'BOOKING'`.execute(db);
  await sql`alter table payments add column credit_channel text`.execute(db);
  await sql`alter table payments add column credit_amount bigint`.execute(db);
  await sql`alter table payments alter column booking_id drop not null`.execute(db);
  await sql`alter table payments alter column library_id drop not null`.execute(db);
  await sql`alter table payments add constraint payments_purpose check (
    (purpose = 'BOOKING' and booking_id is not null and library_id is not null and credit_channel is null and credit_amount is null)
    or (purpose = 'CREDITS' and booking_id is null and library_id is null and credit_channel in ('SMS', 'WHATSAPP', 'EMAIL') and credit_amount > 0 and method = 'ONLINE'))`.execute(db);
  await sql`alter table credit_movements drop constraint credit_movements_kind_check`.execute(db);
  await sql`alter table credit_movements add constraint credit_movements_kind_check
    check (kind in ('TOP_UP', 'GRANT', 'ADJUST', 'PURCHASE', 'RESERVE', 'CAPTURE', 'RELEASE'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table credit_movements drop constraint credit_movements_kind_check`.execute(db);
  await sql`alter table credit_movements add constraint credit_movements_kind_check
    check (kind in ('TOP_UP', 'GRANT', 'ADJUST', 'RESERVE', 'CAPTURE', 'RELEASE'))`.execute(db);
  await sql`alter table payments drop constraint payments_purpose`.execute(db);
  await sql`delete from payments where purpose = 'CREDITS'`.execute(db);
  await sql`alter table payments alter column library_id set not null`.execute(db);
  await sql`alter table payments alter column booking_id set not null`.execute(db);
  for (const column of ['credit_amount', 'credit_channel', 'purpose']) await sql`alter table payments drop column ${sql.ref(column)}`.execute(db);
}
