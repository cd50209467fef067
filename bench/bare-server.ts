/**
 * Baseline for bench/api.bench.ts: plain node:http, no framework, no database, no auth.
 * It answers the same routes with bodies of the same shape and size as Callwire's:
 *
 * - GET  /v1/sip-users  200, the list page captured from the real API (BARE_LIST_BODY), serialized per request
 * - POST /v1/sip-users  201, parses the JSON body and echoes a SIP user object
 * - GET  /healthz, /readyz  200 {"status":"ok"}, like the API's (the bench waits on /readyz)
 *
 * Run: PORT=4000 BARE_LIST_BODY='{"data":[],"nextCursor":null}' node -r @swc-node/register bench/bare-server.ts
 */
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { readBody, send } from './bare-http';

const port = Number(process.env.PORT ?? 4000);
const host = process.env.HOST ?? '127.0.0.1';
const sipDomain = process.env.BARE_SIP_DOMAIN ?? 'bench.callwire.localhost';
const listPage: unknown = JSON.parse(process.env.BARE_LIST_BODY ?? '{"data":[],"nextCursor":null}');

async function createUser(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let input: unknown;
  try {
    input = JSON.parse(await readBody(request));
  } catch {
    send(response, 400, { title: 'Bad Request', status: 400 });
    return;
  }
  const fields = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  if (typeof fields.username !== 'string' || typeof fields.password !== 'string') {
    send(response, 400, { title: 'Bad Request', status: 400 });
    return;
  }
  const now = new Date();
  send(response, 201, {
    id: randomUUID(),
    username: fields.username,
    displayName: typeof fields.displayName === 'string' ? fields.displayName : null,
    enabled: true,
    sipUri: `sip:${fields.username}@${sipDomain}`,
    createdAt: now,
    updatedAt: now,
  });
}

const server = createServer((request, response) => {
  const path = request.url?.split('?')[0];
  if (path === '/v1/sip-users' && request.method === 'GET') return send(response, 200, listPage);
  if (path === '/v1/sip-users' && request.method === 'POST') {
    createUser(request, response).catch(() => send(response, 500, { title: 'Internal Server Error', status: 500 }));
    return;
  }
  if ((path === '/healthz' || path === '/readyz') && request.method === 'GET')
    return send(response, 200, { status: 'ok' });
  send(response, 404, { title: 'Not Found', status: 404 });
});

server.keepAliveTimeout = 60_000;
server.listen(port, host);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
