import { ApiHarness } from '../support/api-harness';
import { KamailioHarness } from '../support/sip-harness';
import { isolateQueues } from '../support/test-run';
import { bannedAddresses, logLines, securityEventsOf } from './support/edge-state';
import {
  type Account,
  type SipLink,
  branch,
  challengeOf,
  headerOf,
  openLink,
  register,
  registerOnce,
  sipRequest,
  statusOf,
} from './support/sip-wire';

const GUESSER = '127.0.0.3';
const REPLAYER = '127.0.0.7';
/** Sources that each stay under the per-source limit while together they exceed the per-user one. */
const SPRAYERS = ['127.0.0.10', '127.0.0.11', '127.0.0.12'];
const AUTH_FAIL_LIMIT = 5;
const USER_FAIL_LIMIT = 8;
const PASSWORD = 'digest-real-password';
const WRONG = 'not-the-password-at-all';

/**
 * Password guessing (issue 11, finding 4): each failure logged in one fail2ban line, the source banned after
 * EDGE_AUTH_FAIL_LIMIT failures, replayed credentials challenged again, and the per-user slowdown never locking
 * out the real user.
 */
describe('Hostile traffic: digest guessing and nonce replay', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let domain: string;
  const account = (user: string, password = PASSWORD): Account => ({ user, domain, password });

  beforeAll(async () => {
    isolateQueues('hostile-digest');
    api = await ApiHarness.start();
    edge = await KamailioHarness.start({
      EDGE_AUTH_FAIL_LIMIT: String(AUTH_FAIL_LIMIT),
      EDGE_USER_FAIL_LIMIT: String(USER_FAIL_LIMIT),
      EDGE_BAN_SECONDS: '120',
    });
    const tenant = await api.createTenant('Digest');
    domain = tenant.sipDomain;
    for (const username of ['alice', 'bob', 'carol']) {
      await api.request('POST', '/v1/sip-users', { key: tenant.key, body: { username, password: PASSWORD } });
    }
  }, 60_000);
  afterAll(async () => {
    await edge?.stop();
    await api?.close();
  });

  it(`${AUTH_FAIL_LIMIT} wrong passwords: one fail2ban line each, then the source is banned`, async () => {
    const link = await openLink('udp', edge, GUESSER);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < AUTH_FAIL_LIMIT; i++)
        statuses.push((await register(link, account('bob', WRONG), { timeoutMs: 1500 })).status);
      const afterBan = (await register(link, account('bob'), { timeoutMs: 1500 })).status;
      const expectedLine = `callwire-auth-failure: ip=${GUESSER} port=${link.localPort} proto=udp method=REGISTER user=bob domain=${domain}`;
      const lines = logLines(edge, 'callwire-auth-failure:').filter((line) => line.includes(`ip=${GUESSER} `));
      const events = await securityEventsOf(GUESSER);
      expect({
        // The last failure bans: its answer may be dropped already.
        statuses: statuses.slice(0, -1),
        afterBan,
        lines: lines.map((line) => line.slice(line.indexOf('callwire-auth-failure:'))),
        banned: (await bannedAddresses(edge)).includes(GUESSER),
        reasons: events.map((event) => event.reason),
        passwordLogged: edge.output.includes(WRONG),
      }).toEqual({
        statuses: Array(AUTH_FAIL_LIMIT - 1).fill(401),
        afterBan: 0,
        lines: Array(AUTH_FAIL_LIMIT).fill(expectedLine),
        banned: true,
        reasons: ['auth-failures'],
        passwordLogged: false,
      });
    } finally {
      link.close();
    }
  }, 30_000);

  /** Re-sends `original`'s Authorization in a new transaction (new branch and CSeq), as a replaying attacker would. */
  const replay = async (link: SipLink, original: string, cseq: number) => {
    const authorization = headerOf(original, 'Authorization') ?? '';
    const callId = headerOf(original, 'Call-ID') ?? '';
    link.send(
      sipRequest({
        method: 'REGISTER',
        uri: `sip:${domain}`,
        link,
        from: `sip:carol@${domain}`,
        to: `sip:carol@${domain}`,
        callId,
        cseq,
        headers: [`Contact: <sip:carol@${link.via}>`, 'Expires: 60', `Authorization: ${authorization}`],
      }).replace(/branch=z9hG4bK[0-9a-f]+/, `branch=${branch()}`),
    );
    let answer = await link.next(1500);
    while (answer !== undefined && statusOf(answer) < 200) answer = await link.next(1500);
    return answer;
  };

  it('a replayed Authorization (same nonce, same nc) is challenged again, never accepted', async () => {
    const owner = await openLink('udp', edge);
    const attacker = await openLink('udp', edge, REPLAYER);
    try {
      const first = await register(owner, account('carol'));
      expect(first.status).toBe(200);
      const fromOwnerSocket = await replay(owner, first.authenticatedRequest, 3);
      const fromElsewhere = await replay(attacker, first.authenticatedRequest, 4);
      expect({ fromOwnerSocket: statusOf(fromOwnerSocket), fromElsewhere: statusOf(fromElsewhere) }).toEqual({
        fromOwnerSocket: 401,
        fromElsewhere: 401,
      });
      // The fresh challenge is a usable one: answering it properly works.
      const nonce = challengeOf(fromOwnerSocket).nonce;
      expect(nonce).toBeTruthy();
    } finally {
      owner.close();
      attacker.close();
    }
  });

  it('a password-spraying attack on one user slows the attackers, never the user who authenticated before', async () => {
    // The real user authenticates once from 127.0.0.1: that source is known for alice.
    expect(await registerOnce('udp', edge, account('alice'))).toBe(200);
    // Several sources, each under the per-source limit, together beyond the per-user limit.
    for (const source of SPRAYERS) {
      const link = await openLink('udp', edge, source);
      for (let i = 0; i < Math.ceil(USER_FAIL_LIMIT / SPRAYERS.length) && i < AUTH_FAIL_LIMIT - 1; i++) {
        await register(link, account('alice', WRONG), { timeoutMs: 1500 });
      }
      link.close();
    }
    // A new source guessing now: its password checks are limited (503 Retry-After) after the first.
    const newcomer = await openLink('udp', edge, '127.0.0.13');
    const guesses = [];
    for (let i = 0; i < 3; i++) {
      const outcome = await register(newcomer, account('alice', WRONG), { timeoutMs: 1500 });
      guesses.push({ status: outcome.status, retryAfter: headerOf(outcome.final, 'Retry-After') });
    }
    newcomer.close();
    // The real user keeps registering at once, several times in a row.
    const real: number[] = [];
    for (let i = 0; i < 3; i++) real.push(await registerOnce('udp', edge, account('alice')));
    expect({ slowed: guesses.some((guess) => guess.status === 503 && guess.retryAfter !== undefined), real }).toEqual({
      slowed: true,
      real: [200, 200, 200],
    });
  }, 30_000);
});
