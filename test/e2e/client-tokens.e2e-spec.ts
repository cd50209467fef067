import { createHmac } from 'node:crypto';
import { type ClientTokenClaims, decodeClientToken } from '@callwire/client-token';
import { ApiHarness } from '../support/api-harness';
import { KamailioHarness } from '../support/sip-harness';
import { openWss, registerOverLink } from '../support/sip-stream-client';
import { WorkerHarness } from '../support/worker-harness';
import { isolateQueues } from '../support/test-run';

type Tenant = { accountId: string; sipDomain: string; key: string };
interface IssuedToken {
  id: string;
  token: string;
  identity: string;
  sipUserId: string | null;
  sipUri: string;
  wsUrl: string;
  expiresAt: string;
  iceServers: { urls: string[]; username?: string; credential?: string }[];
}
interface Registration {
  aor: string;
  contact: string;
  transport: string;
  sipUserId: string | null;
  identity: string | null;
  clientTokenId: string | null;
}

const sign = (secret: string, username: string, algorithm: 'sha1' | 'sha256') =>
  createHmac(algorithm, secret).update(username).digest('base64');

describe('Client tokens (e2e: API, worker, Kamailio over WSS)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let acme: Tenant;
  let globex: Tenant;
  let aliceId: string;

  const issue = (tenant: Tenant, body: Record<string, unknown>) =>
    api.request<IssuedToken>('POST', '/v1/client-tokens', { key: tenant.key, body });
  const registrations = async (tenant: Tenant) =>
    (await api.request<{ data: Registration[] }>('GET', '/v1/registrations', { key: tenant.key })).body.data;
  /** REGISTERs over a fresh WSS connection with the token's credentials (or tampered ones). */
  const registerWith = async (claims: ClientTokenClaims, override: Partial<{ user: string; domain: string }> = {}) => {
    const [user, domain] = claims.uri.slice('sip:'.length).split('@') as [string, string];
    const link = await openWss(edge.wssPort);
    try {
      return await registerOverLink(link, {
        user: override.user ?? user,
        domain: override.domain ?? domain,
        authUser: claims.username,
        password: claims.password,
      });
    } finally {
      link.close();
    }
  };
  const waitUntil = async (check: () => Promise<boolean>, timeoutMs: number) => {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (await check()) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
    return null;
  };

  beforeAll(async () => {
    isolateQueues('client-tokens');
    edge = await KamailioHarness.start();
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    process.env.SIP_WSS_PORT = String(edge.wssPort);
    api = await ApiHarness.start();
    worker = await WorkerHarness.start();
    acme = await api.createTenant('Token Acme');
    globex = await api.createTenant('Token Globex');
    const alice = await api.request<{ id: string }>('POST', '/v1/sip-users', {
      key: acme.key,
      body: { username: 'alice', password: 'alice-password' },
    });
    aliceId = alice.body.id;
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await edge?.stop();
  });

  describe('POST /v1/client-tokens', () => {
    it('issues a token for a client identity, with its address, the edge URL and TURN credentials', async () => {
      const before = Date.now();
      const response = await issue(acme, { identity: 'bob', ttlSeconds: 600 });
      expect(response.status).toBe(201);
      const body = response.body;
      expect(body).toMatchObject({
        identity: 'bob',
        sipUserId: null,
        sipUri: `sip:client.bob@${acme.sipDomain}`,
        wsUrl: `wss://127.0.0.1:${edge.wssPort}`,
      });
      const expiresAt = Date.parse(body.expiresAt);
      expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 599_000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 600_000);

      const claims = decodeClientToken(body.token);
      const exp = expiresAt / 1000;
      expect(claims).toMatchObject({ id: body.id, uri: body.sipUri, wsUrl: body.wsUrl, exp });
      expect(claims.username).toBe(`${exp}:${body.id}:client.bob@${acme.sipDomain}`);
      expect(claims.password).toBe(sign(process.env.CLIENT_TOKEN_SECRET ?? '', claims.username, 'sha256'));

      const [stun, turn] = body.iceServers;
      expect(stun?.urls).toEqual([`stun:127.0.0.1:3478`]);
      expect(turn?.urls).toEqual(['turn:127.0.0.1:3478?transport=udp', 'turn:127.0.0.1:3478?transport=tcp']);
      expect(turn?.username).toBe(`${exp}:${body.id}`);
      expect(turn?.credential).toBe(sign(process.env.TURN_SECRET ?? '', turn?.username ?? '', 'sha1'));
    });

    it('issues a token for a SIP user of the account, registering as that user', async () => {
      const response = await issue(acme, { sipUserId: aliceId });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        identity: 'alice',
        sipUserId: aliceId,
        sipUri: `sip:alice@${acme.sipDomain}`,
      });
      const ttl = Date.parse(response.body.expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(3590_000); // default 3600 s
      expect(ttl).toBeLessThanOrEqual(3600_000);
    });

    it.each([
      [{}, /sipUserId must be a UUID \(or send identity instead\)/],
      [{ identity: 'bob', sipUserId: '0193a0b4-5d3e-7000-8000-000000000000' }, /either sipUserId or identity/],
      [{ identity: 'bob', ttlSeconds: 59 }, /ttlSeconds/],
      [{ identity: 'bob', ttlSeconds: 86_401 }, /ttlSeconds/],
      [{ identity: 'bob', ttlSeconds: 'long' }, /ttlSeconds/],
      [{ identity: 'bob smith' }, /identity/],
      [{ identity: 'x'.repeat(58) }, /identity/],
      [{ sipUserId: 'alice' }, /sipUserId/],
      [{ identity: 'bob', role: 'admin' }, /role/],
    ])('refuses %j with a 400 problem', async (body, detail) => {
      const response = await issue(acme, body);
      expect(response.status).toBe(400);
      expect(response.contentType).toContain('application/problem+json');
      expect(JSON.stringify(response.body)).toMatch(detail);
    });

    it("404 for another account's SIP user, 409 for a disabled one, 401 without a key", async () => {
      expect((await issue(globex, { sipUserId: aliceId })).status).toBe(404);
      const carol = await api.request<{ id: string }>('POST', '/v1/sip-users', {
        key: acme.key,
        body: { username: 'carol', password: 'carol-password' },
      });
      await api.request('PATCH', `/v1/sip-users/${carol.body.id}`, { key: acme.key, body: { enabled: false } });
      expect((await issue(acme, { sipUserId: carol.body.id })).status).toBe(409);
      expect((await api.request('POST', '/v1/client-tokens', { body: { identity: 'bob' } })).status).toBe(401);
    });

    it('keeps the client. prefix for identities: no SIP user may take it', async () => {
      const response = await api.request('POST', '/v1/sip-users', {
        key: acme.key,
        body: { username: 'client.bob', password: 'bob-password' },
      });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toMatch(/reserved for client identities/);
    });
  });

  describe('GET /v1/client-tokens', () => {
    it('lists the tokens that still work, of the account only, never the token itself', async () => {
      const listed = async (tenant: Tenant) =>
        (
          await api.request<{ data: Record<string, unknown>[] }>('GET', '/v1/client-tokens?limit=100', {
            key: tenant.key,
          })
        ).body.data;
      const kept = (await issue(acme, { identity: 'lister' })).body;
      const revoked = (await issue(acme, { identity: 'lister' })).body;
      expect((await api.request('DELETE', `/v1/client-tokens/${revoked.id}`, { key: acme.key })).status).toBe(204);

      const tokens = await listed(acme);
      expect(tokens.find((token) => token.id === kept.id)).toEqual({
        id: kept.id,
        identity: 'lister',
        sipUserId: null,
        sipUri: kept.sipUri,
        createdAt: expect.any(String),
        expiresAt: new Date(kept.expiresAt).toISOString(),
      });
      expect(tokens.map((token) => token.id)).not.toContain(revoked.id);
      expect(await listed(globex)).toEqual([]);
      expect((await api.request('GET', '/v1/client-tokens')).status).toBe(401);
    });
  });

  describe('at the edge', () => {
    it('registers a client identity over WSS; the API lists it with its identity and token', async () => {
      const issued = (await issue(acme, { identity: 'dora' })).body;
      const { status, contact } = await registerWith(decodeClientToken(issued.token));
      expect(status).toBe(200);
      const listed = (await registrations(acme)).find((registration) => registration.contact === contact);
      expect(listed).toMatchObject({
        aor: `sip:client.dora@${acme.sipDomain}`,
        transport: 'wss',
        sipUserId: null,
        identity: 'dora',
        clientTokenId: issued.id,
      });
      expect(await registrations(globex)).toEqual([]);
    });

    it("registers as the token's SIP user", async () => {
      const issued = (await issue(acme, { sipUserId: aliceId })).body;
      const { status, contact } = await registerWith(decodeClientToken(issued.token));
      expect(status).toBe(200);
      const listed = (await registrations(acme)).find((registration) => registration.contact === contact);
      expect(listed).toMatchObject({ sipUserId: aliceId, identity: null, clientTokenId: issued.id });
    });

    it('refuses a tampered password (401), another address or account (403) and an expired token (401)', async () => {
      const claims = decodeClientToken((await issue(acme, { identity: 'eve' })).body.token);
      expect(
        (await registerWith({ ...claims, password: sign('not-the-secret', claims.username, 'sha256') })).status,
      ).toBe(401);
      expect((await registerWith(claims, { user: 'client.mallory' })).status).toBe(403);
      expect((await registerWith(claims, { domain: globex.sipDomain })).status).toBe(403);
      // Signed with the real secret, so only the edge's own expiry check can refuse it.
      const expired = `${Math.floor(Date.now() / 1000) - 5}:${claims.id}:client.eve@${acme.sipDomain}`;
      const password = sign(process.env.CLIENT_TOKEN_SECRET ?? '', expired, 'sha256');
      expect((await registerWith({ ...claims, username: expired, password })).status).toBe(401);
    });

    it('revocation: the registration goes within 1 s, the token is refused, also after an edge restart', async () => {
      const revokedToken = (await issue(acme, { identity: 'fred' })).body;
      const keptToken = (await issue(acme, { identity: 'fred' })).body;
      const revoked = await registerWith(decodeClientToken(revokedToken.token));
      const kept = await registerWith(decodeClientToken(keptToken.token));
      expect([revoked.status, kept.status]).toEqual([200, 200]);

      expect((await api.request('DELETE', `/v1/client-tokens/${revokedToken.id}`, { key: globex.key })).status).toBe(
        404,
      );
      expect((await api.request('DELETE', `/v1/client-tokens/${revokedToken.id}`, { key: acme.key })).status).toBe(204);
      const took = await waitUntil(
        async () => !(await registrations(acme)).some((registration) => registration.contact === revoked.contact),
        1000,
      );
      expect(took).not.toBeNull();
      // The other token of the same identity keeps its registration.
      expect((await registrations(acme)).some((registration) => registration.contact === kept.contact)).toBe(true);
      expect((await registerWith(decodeClientToken(revokedToken.token))).status).toBe(403);
      expect((await api.request('DELETE', `/v1/client-tokens/${revokedToken.id}`, { key: acme.key })).status).toBe(204);

      await edge.restart(); // the revocation list is rebuilt from the database
      expect((await registerWith(decodeClientToken(revokedToken.token))).status).toBe(403);
      expect((await registerWith(decodeClientToken(keptToken.token))).status).toBe(200);
    });

    it('disabling a SIP user revokes its tokens', async () => {
      const greg = await api.request<{ id: string }>('POST', '/v1/sip-users', {
        key: acme.key,
        body: { username: 'greg', password: 'greg-password' },
      });
      const claims = decodeClientToken((await issue(acme, { sipUserId: greg.body.id })).body.token);
      expect((await registerWith(claims)).status).toBe(200);
      await api.request('PATCH', `/v1/sip-users/${greg.body.id}`, { key: acme.key, body: { enabled: false } });
      expect(await waitUntil(async () => (await registerWith(claims)).status === 403, 5000)).not.toBeNull();
    });
  });
});
