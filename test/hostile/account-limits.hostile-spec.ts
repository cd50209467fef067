import { ApiHarness } from '../support/api-harness';
import { eventually } from '../support/eventually';
import { KamailioHarness, runSipp, startRegisteredCallee } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { edgeRpc } from './support/edge-state';
import { openLink, register } from './support/sip-wire';

const PASSWORD = 'account-limits-password';

/**
 * An account's limits set by the admin (issue 12, finding 4) hold at the edge: registered contacts and concurrent
 * calls beyond them get 503, with real SIP. The edge reads the limits from the database at start.
 */
describe('Hostile traffic: per-account limits at the edge', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let tenant: { accountId: string; sipDomain: string; key: string };

  beforeAll(async () => {
    isolateQueues('hostile-account-limits');
    api = await ApiHarness.start();
    tenant = await api.createTenant('Account Limits');
    for (const username of ['one', 'two', 'three', 'callee']) {
      await api.request('POST', '/v1/sip-users', { key: tenant.key, body: { username, password: PASSWORD } });
    }
    const set = await api.request('PUT', `/v1/accounts/${tenant.accountId}/limits`, {
      key: api.adminKey,
      body: { concurrentCalls: 1, registrations: 3 },
    });
    expect(set.status).toBe(200);
    edge = await KamailioHarness.start();
  }, 60_000);
  afterAll(async () => {
    await edge?.stop();
    await api?.close();
  });

  it('a new contact beyond the account’s registrations gets 503; a refresh still gets 200', async () => {
    // The callee below registers too: three contacts in all before this test's fourth.
    const callee = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'callee',
      domain: tenant.sipDomain,
      password: PASSWORD,
      outcome: 'reject',
    });
    const links = await Promise.all(['one', 'two', 'three'].map(() => openLink('udp', edge)));
    try {
      const statuses: number[] = [];
      for (const [index, user] of ['one', 'two', 'three'].entries()) {
        const outcome = await register(links[index], { user, domain: tenant.sipDomain, password: PASSWORD }, {});
        statuses.push(outcome.status);
      }
      const refresh = await register(links[0], { user: 'one', domain: tenant.sipDomain, password: PASSWORD }, {});
      expect({ statuses, refresh: refresh.status }).toEqual({ statuses: [200, 200, 503], refresh: 200 });
    } finally {
      links.forEach((link) => link.close());
      await runSipp({
        scenario: 'caller',
        outcome: 'reject',
        final: 486,
        edgePort: edge.port,
        keys: { user: 'one', domain: tenant.sipDomain, target: 'callee', target_domain: tenant.sipDomain },
        auth: { username: 'one', password: PASSWORD },
      });
      await callee.finish();
    }
  });

  it('a second call while the account’s one allowed call is up gets 503', async () => {
    const callee = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'callee',
      domain: tenant.sipDomain,
      password: PASSWORD,
      outcome: 'answer',
    });
    const call = (user: string, outcome: 'answer' | 'reject', final?: number, holdMs?: number) =>
      runSipp({
        scenario: 'caller',
        outcome,
        final,
        holdMs,
        edgePort: edge.port,
        keys: { user, domain: tenant.sipDomain, target: 'callee', target_domain: tenant.sipDomain },
        auth: { username: user, password: PASSWORD },
      });
    const first = call('one', 'answer', undefined, 3000);
    await eventually(async () => ((await edgeRpc(edge, 'dlg.stats_active')) as { ongoing?: number }).ongoing === 1, {
      timeoutMs: 3000,
      description: 'the first call to be up at the edge',
    });
    const second = await call('two', 'reject', 503);
    expect(second.exitCode).toBe(0);
    expect((await first).exitCode).toBe(0);
    expect((await callee.finish()).exitCode).toBe(0);
  }, 30_000);
});
