/**
 * bench:routing data, straight into the API's tables (SQL, like bench/sip/accounts.ts): one account, one carrier
 * known by its source address, and phone numbers of that carrier routed to a SIP URI (the benchmark's UAS).
 */
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { seedAccount } from '../sip/accounts';

/** `count` numbers +1555<7 digits>, all of `carrierCidr`'s carrier, each routed to `uasUri`. */
export async function seedNumbers(
  databaseUrl: string,
  options: { sipDomain: string; carrierCidr: string; count: number; uasUri: string },
): Promise<string[]> {
  const numbers = Array.from({ length: options.count }, (_, i) => `+1555${String(100_000 + i).padStart(7, '0')}`);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const accountId = await seedAccount(client, { name: 'Routing bench', sipDomain: options.sipDomain, usernames: [] });
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO carriers (id, account_id, name, inbound_addresses, updated_at)
       VALUES (gen_random_uuid(), $1, 'Bench carrier', $2, now()) RETURNING id`,
      [accountId, [options.carrierCidr]],
    );
    await client.query(
      `INSERT INTO phone_numbers (id, account_id, number, carrier_id, route_type, route_target, updated_at)
       SELECT gen_random_uuid(), $1, n, $2, 'sip-uri', $3, now() FROM unnest($4::text[]) AS n`,
      [accountId, rows[0].id, options.uasUri, numbers],
    );
    // Fresh tables: let the planner see their real sizes, as on a database in use.
    await client.query('ANALYZE carriers, phone_numbers, accounts');
  } finally {
    await client.end();
  }
  return numbers;
}

/** SIPp injection file, one number a line (field0), used in order. */
export function writeNumbers(path: string, numbers: string[]): void {
  writeFileSync(path, `SEQUENTIAL\n${numbers.join('\n')}\n`);
}
