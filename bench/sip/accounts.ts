import { writeFileSync } from 'node:fs';
import { Client } from 'pg';

/** Every benchmark user's password; bench/sip/bare-kamailio.cfg derives the same one from the digest username. */
export const benchPassword = (user: string): string => `pw-${user}`;

/** One account and its SIP users, straight into the API's tables (HA1 = md5(username:sipDomain:password)). */
export async function seedAccount(
  client: Client,
  account: { name: string; sipDomain: string; usernames: string[] },
): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    'INSERT INTO accounts (id, name, sip_domain) VALUES (gen_random_uuid(), $1, $2) RETURNING id',
    [account.name, account.sipDomain],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('the account was not created');
  await client.query(
    `INSERT INTO sip_users (id, account_id, username, display_name, enabled, ha1, updated_at)
     SELECT gen_random_uuid(), $1, u, NULL, true, md5(u || ':' || $2 || ':pw-' || u), now()
       FROM unnest($3::text[]) AS u`,
    [id, account.sipDomain, account.usernames],
  );
  return id;
}

/** SIPp injection file: field0 the username, field1 the whole [authentication ...] keyword. */
export function writeUsers(path: string, users: string[]): void {
  const lines = users.map((user) => `${user};[authentication username=${user} password=${benchPassword(user)}]`);
  writeFileSync(path, `SEQUENTIAL\n${lines.join('\n')}\n`);
}
