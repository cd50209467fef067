/**
 * Second baseline for bench/api.bench.ts, "bare + pg": plain node:http and a node-postgres pool (max 10, like the
 * API's), no framework, no ORM, no validation library, no metrics, no queue. It makes the same PostgreSQL round
 * trips as Callwire does for the two benchmarked routes, so it is the ceiling of any handler that needs that
 * database work on this machine:
 *
 * - GET  /v1/sip-users  API key row by prefix (then SHA-256 of the secret + timingSafeEqual), then the page query
 *                       (limit 21, the extra row only tells whether there is a next page); 200 with
 *                       {data: [20 users], nextCursor}, the same shape as Callwire's.
 * - POST /v1/sip-users  API key row by prefix, the account's SIP domain, HA1 and an INSERT ... RETURNING; 201 with
 *                       a SIP user object of the same shape as Callwire's (409 on a duplicate username).
 * - GET  /healthz       200 {"status":"ok"}; GET /readyz runs SELECT 1 first (the bench waits on it).
 *
 * The GET's SQL is the same text, run as the same named statements with the same UTC timestamp parsing, that
 * Callwire's repositories send (libs/database/src/tables/api-keys.repository.ts, sip-users.repository.ts);
 * Callwire's POST still goes through Prisma for the domain lookup and the insert.
 *
 * Run: PORT=4001 DATABASE_URL=postgresql://... node -r @swc-node/register bench/bare-pg-server.ts
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { readBody, send } from './bare-http';
import { DatabaseError, Pool, types as pgTypes } from 'pg';

const port = Number(process.env.PORT ?? 4001);
const host = process.env.HOST ?? '127.0.0.1';
const databaseUrl = process.env.DATABASE_URL?.trim();
if (!databaseUrl) throw new Error('DATABASE_URL is required');

const POOL_SIZE = 10;
const PAGE_SIZE = 20;
const KEY_MARKER = 'cw_';
const PREFIX_LENGTH = 12;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const USERNAME_PATTERN = /^[A-Za-z0-9+][A-Za-z0-9._~+-]{0,63}$/;

const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE });

// Callwire's GET round trips as its repositories send them (Kysely's SQL, named statements, timestamps read as UTC).
const API_KEY_SQL =
  'select "id", "account_id" as "accountId", "secret_hash" as "secretHash", "expires_at" as "expiresAt", ' +
  '"revoked_at" as "revokedAt" from "api_keys" where "prefix" = $1';
const FIRST_PAGE_SQL =
  'select "u"."id", "u"."account_id" as "accountId", "u"."username", "u"."display_name" as "displayName", ' +
  '"u"."enabled", "u"."srtp", "u"."dtmf", "u"."created_at" as "createdAt", "u"."updated_at" as "updatedAt", ' +
  '"a"."sip_domain" as "sipDomain" from "sip_users" as "u" inner join "accounts" as "a" on "a"."id" = ' +
  '"u"."account_id" where "u"."account_id" = $1 order by "u"."id" limit $2';
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMP_OID) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
    return format === 'binary' ? pgTypes.getTypeParser(oid, 'binary') : pgTypes.getTypeParser(oid);
  }) as typeof pgTypes.getTypeParser,
};
pool.on('error', (error) => process.stderr.write(`[bare+pg] idle client error: ${error.message}\n`));

interface ApiKeyRow {
  id: string;
  accountId: string;
  secretHash: Buffer;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

interface SipUserRow {
  id: string;
  username: string;
  displayName: string | null;
  enabled: boolean;
  srtp?: string;
  dtmf?: string;
  createdAt: Date;
  updatedAt: Date;
}

interface ListedSipUserRow extends SipUserRow {
  sipDomain: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
  ) {
    super(title);
  }
}

function toUser(row: SipUserRow, sipDomain: string): Record<string, unknown> {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    enabled: row.enabled,
    srtp: row.srtp ?? 'offer',
    dtmf: row.dtmf ?? 'rfc4733',
    sipUri: `sip:${row.username}@${sipDomain}`,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Round trip 1 of every request: the account API key `cw_<prefix>_<secret>` in the Authorization header. */
async function authenticate(request: IncomingMessage, now: Date): Promise<string> {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
  const separator = KEY_MARKER.length + PREFIX_LENGTH;
  if (!token.startsWith(KEY_MARKER) || token[separator] !== '_') throw new HttpError(401, 'Unauthorized');
  const prefix = token.slice(KEY_MARKER.length, separator);
  const secret = token.slice(separator + 1);
  if (!/^[a-z0-9]+$/.test(prefix) || !SECRET_PATTERN.test(secret)) throw new HttpError(401, 'Unauthorized');

  const { rows } = await pool.query<ApiKeyRow>({
    name: 'api-key-credentials',
    text: API_KEY_SQL,
    values: [prefix],
    types,
  });
  const key = rows[0];
  const presented = createHash('sha256').update(secret).digest();
  if (!key || presented.length !== key.secretHash.length || !timingSafeEqual(presented, key.secretHash)) {
    throw new HttpError(401, 'Unauthorized');
  }
  if (key.revokedAt || (key.expiresAt && key.expiresAt <= now)) throw new HttpError(401, 'Unauthorized');
  return key.accountId;
}

async function listUsers(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const accountId = await authenticate(request, new Date());
  const { rows } = await pool.query<ListedSipUserRow>({
    name: 'sip-users-first-page',
    text: FIRST_PAGE_SQL,
    values: [accountId, PAGE_SIZE + 1],
    types,
  });
  const hasMore = rows.length > PAGE_SIZE;
  const pageRows = hasMore ? rows.slice(0, PAGE_SIZE) : rows;
  const last = pageRows[pageRows.length - 1];
  send(response, 200, {
    data: pageRows.map((row) => toUser(row, row.sipDomain)),
    nextCursor: hasMore && last ? Buffer.from(last.id, 'utf8').toString('base64url') : null,
  });
}

async function createUser(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const accountId = await authenticate(request, new Date());
  let input: unknown;
  try {
    input = JSON.parse(await readBody(request));
  } catch {
    throw new HttpError(400, 'Bad Request');
  }
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const { username, password, displayName } = fields;
  if (typeof username !== 'string' || !USERNAME_PATTERN.test(username)) throw new HttpError(400, 'Bad Request');
  if (typeof password !== 'string' || password.length < 8 || password.length > 128) {
    throw new HttpError(400, 'Bad Request');
  }
  if (displayName !== undefined && (typeof displayName !== 'string' || displayName.length > 100)) {
    throw new HttpError(400, 'Bad Request');
  }

  const account = await pool.query<{ sipDomain: string }>(
    'SELECT sip_domain AS "sipDomain" FROM accounts WHERE id = $1',
    [accountId],
  );
  const sipDomain = account.rows[0]?.sipDomain;
  if (sipDomain === undefined) throw new HttpError(404, 'Not Found');
  const ha1 = createHash('md5').update(`${username}:${sipDomain}:${password}`).digest('hex');
  try {
    const { rows } = await pool.query<SipUserRow>(
      `INSERT INTO sip_users (id, account_id, username, display_name, enabled, ha1, created_at, updated_at)
       VALUES ($1, $2, $3, $4, true, $5, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
       RETURNING id, username, display_name AS "displayName", enabled,
                 created_at AT TIME ZONE 'UTC' AS "createdAt", updated_at AT TIME ZONE 'UTC' AS "updatedAt"`,
      [randomUUID(), accountId, username, displayName ?? null, ha1],
    );
    send(response, 201, toUser(rows[0], sipDomain));
  } catch (error) {
    if (error instanceof DatabaseError && error.code === '23505') throw new HttpError(409, 'Conflict');
    throw error;
  }
}

async function ready(response: ServerResponse): Promise<void> {
  await pool.query('SELECT 1');
  send(response, 200, { status: 'ok' });
}

function fail(response: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) {
    send(response, error.status, { title: error.title, status: error.status });
    return;
  }
  process.stderr.write(`[bare+pg] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  send(response, 500, { title: 'Internal Server Error', status: 500 });
}

const server = createServer((request, response) => {
  const path = request.url?.split('?')[0];
  let handled: Promise<void> | undefined;
  if (path === '/v1/sip-users' && request.method === 'GET') handled = listUsers(request, response);
  else if (path === '/v1/sip-users' && request.method === 'POST') handled = createUser(request, response);
  else if (path === '/readyz' && request.method === 'GET') handled = ready(response);
  else if (path === '/healthz' && request.method === 'GET') return send(response, 200, { status: 'ok' });
  else return send(response, 404, { title: 'Not Found', status: 404 });
  handled.catch((error: unknown) => fail(response, error));
});

server.keepAliveTimeout = 60_000;
server.listen(port, host);
process.on('SIGTERM', () => server.close(() => void pool.end().finally(() => process.exit(0))));
