import { decodeClientToken } from '@callwire/client-token';
import { ApiHarness } from '../support/api-harness';
import { issueClientToken } from '../support/client-tokens';
import { KamailioHarness } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { headerOf, openLink, register } from './support/sip-wire';

const PASSWORD = 'limits-password';
const MAX_CONTACTS = 10;

/** Token lifetime and contacts per AOR (issue 11, finding 5). */
describe('Hostile traffic: registration lifetime and contact limits', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let tenant: { sipDomain: string; key: string };

  beforeAll(async () => {
    isolateQueues('hostile-registrations');
    edge = await KamailioHarness.start({ SIP_MAX_EXPIRES: '3600' });
    api = await ApiHarness.start({ SIP_WSS_PORT: String(edge.wssPort) });
    tenant = await api.createTenant('Limits');
    await api.request('POST', '/v1/sip-users', { key: tenant.key, body: { username: 'many', password: PASSWORD } });
  }, 60_000);
  afterAll(async () => {
    await edge?.stop();
    await api?.close();
  });

  it('a 60 s client token asking for Expires 3600 is granted at most 60 s', async () => {
    const issued = await issueClientToken(api, tenant.key, { identity: 'shortlived', ttlSeconds: 60 });
    const claims = decodeClientToken(issued.token);
    const [user, domain] = claims.uri.slice('sip:'.length).split('@') as [string, string];
    const link = await openLink('wss', edge);
    try {
      const outcome = await register(
        link,
        { user, domain, authUser: claims.username, password: claims.password },
        { expires: 3600 },
      );
      const granted = Number(/;\s*expires=(\d+)/i.exec(headerOf(outcome.final, 'Contact') ?? '')?.[1] ?? NaN);
      expect(outcome.status).toBe(200);
      expect(granted).toBeGreaterThan(0);
      expect(granted).toBeLessThanOrEqual(claims.exp - Math.floor(Date.now() / 1000) + 1);
      expect(granted).toBeLessThanOrEqual(60);
    } finally {
      link.close();
    }
  });

  it(`one AOR takes ${MAX_CONTACTS} contacts; the next new contact is refused`, async () => {
    const links = await Promise.all(Array.from({ length: MAX_CONTACTS + 1 }, () => openLink('udp', edge)));
    try {
      const statuses: number[] = [];
      for (const link of links) {
        statuses.push(
          (await register(link, { user: 'many', domain: tenant.sipDomain, password: PASSWORD }, { expires: 120 }))
            .status,
        );
      }
      expect(statuses).toEqual([...Array(MAX_CONTACTS).fill(200), 503]);
    } finally {
      links.forEach((link) => link.close());
    }
  });
});
