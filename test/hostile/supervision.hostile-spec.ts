import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freeSipPort } from '../support/free-port';
import { rtpenginePing } from '../support/media-harness';
import { ROOT, isolateQueues } from '../support/test-run';
import { TurnClient } from '../support/turn-client';
import { eventually } from '../support/eventually';
import { edgeRpc } from './support/edge-state';
import { type EdgePorts, openLink, register, sipRequest } from './support/sip-wire';
import { probe } from './support/probe';

const run = promisify(execFile);
const PARTS = ['rtpengine', 'coturn', 'api', 'worker', 'kamailio'] as const;
type Part = (typeof PARTS)[number];

/**
 * `npm run up`'s supervisor (infra/scripts/supervisor.sh: supervisord) with every part of the platform on
 * ports and directories of its own: each part killed with SIGKILL must answer again within seconds, and
 * the edge must still know a registration made before it was killed (usrloc reloads it from PostgreSQL).
 */
describe('Supervision: kill -9 of each part (supervisord)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'callwire-supervised-'));
  const ports: Record<string, number> = {};
  let env: NodeJS.ProcessEnv;
  const edge = (): EdgePorts & { rpcPort: number } => ({
    port: ports.SIP_PORT,
    tlsPort: ports.SIP_TLS_PORT,
    wssPort: ports.SIP_WSS_PORT,
    rpcPort: ports.EDGE_RPC_PORT,
  });
  const supervisor = (...args: string[]) =>
    run('bash', [resolve(ROOT, 'infra/scripts/supervisor.sh'), ...args], { env });
  const ctl = (...args: string[]) =>
    run('supervisorctl', ['--configuration', join(dir, 'supervisor/supervisord.conf'), ...args], { env });

  /** Does the part answer on its port(s) as its clients use it? */
  const answers: Record<Part, () => Promise<boolean>> = {
    rtpengine: () => rtpenginePing(ports.RTPENGINE_NG_PORT),
    coturn: async () => {
      const client = await TurnClient.connect({ address: '127.0.0.1', port: ports.TURN_PORT }, 'probe', 'probe');
      try {
        return (await client.allocate()).status === 401; // a challenge: coturn is there
      } catch {
        return false;
      } finally {
        client.close();
      }
    },
    api: () => httpOk(`http://127.0.0.1:${ports.PORT}/readyz`),
    worker: () => httpOk(`http://127.0.0.1:${ports.WORKER_HEALTH_PORT}/healthz`),
    kamailio: async () => {
      const options = sipRequest({
        method: 'OPTIONS',
        uri: `sip:127.0.0.1:${ports.SIP_PORT}`,
        link: { transport: 'udp', via: '127.0.0.1' },
        from: 'sip:probe@127.0.0.1',
        to: `sip:127.0.0.1:${ports.SIP_PORT}`,
      });
      return (await probe('udp', edge(), Buffer.from(options), { waitMs: 300 }).catch(() => 0)) === 200;
    },
  };

  /**
   * The pid of the part's daemon itself: the edge and rtpengine run under wrapper scripts (which remove their
   * firewall rules when the daemon exits).
   */
  async function daemonPid(part: Part): Promise<number> {
    if (part === 'kamailio') return Number(readFileSync(join(dir, 'kamailio/kamailio.pid'), 'utf8'));
    const supervised = (await ctl('pid', part)).stdout.trim();
    if (part !== 'rtpengine') return Number(supervised);
    return Number((await run('pgrep', ['-P', supervised, '-x', 'rtpengine'])).stdout.trim());
  }

  beforeAll(async () => {
    isolateQueues('supervision');
    chmodSync(dir, 0o755); // the parts that drop to their own users (coturn, Kamailio) open their run dirs in it
    for (const name of ['PORT', 'WORKER_HEALTH_PORT', 'SIP_PORT', 'SIP_TLS_PORT', 'SIP_WSS_PORT', 'EDGE_RPC_PORT']) {
      ports[name] = await freeSipPort();
    }
    ports.RTPENGINE_NG_PORT = await freeSipPort();
    ports.TURN_PORT = await freeSipPort();
    const rtp = 50000 + Math.floor(Math.random() * 150) * 100;
    const node = `${process.execPath} -r @swc-node/register`;
    env = {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, String(port)])),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${ports.PORT}`,
      SIP_LISTEN_IP: '127.0.0.1',
      EDGE_CHILDREN: '2',
      RTP_PORT_MIN: String(rtp),
      RTP_PORT_MAX: String(rtp + 49),
      TURN_RELAY_PORT_MIN: String(rtp + 50),
      TURN_RELAY_PORT_MAX: String(rtp + 99),
      SUPERVISOR_DIR: join(dir, 'supervisor'),
      CALLWIRE_LOG_DIR: join(dir, 'logs'),
      EDGE_RUN_DIR: join(dir, 'kamailio'),
      COTURN_RUN_DIR: join(dir, 'coturn'),
      SWC_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'),
      CALLWIRE_API_COMMAND: `${node} ${resolve(ROOT, 'apps/api/src/main.ts')}`,
      CALLWIRE_WORKER_COMMAND: `${node} ${resolve(ROOT, 'apps/worker/src/main.ts')}`,
    };
    await supervisor('start');
    for (const part of PARTS) {
      await eventually(answers[part], { timeoutMs: 60_000, description: `${part} to answer` }).catch(async (error) => {
        throw new Error(`${part} did not start (${(error as Error).message}):\n${await logOf(part)}`);
      });
    }
  }, 120_000);
  afterAll(async () => {
    await supervisor('stop');
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const logOf = async (part: Part) => (await run('tail', ['-n', '40', join(dir, 'logs', `${part}.log`)])).stdout;

  /** Kills the part's daemon with SIGKILL; resolves with the seconds until a new one runs and until it answered. */
  async function killAndWatch(part: Part): Promise<{ restarted: number; answering: number }> {
    const killed = await daemonPid(part);
    process.kill(killed, 'SIGKILL');
    const started = Date.now();
    try {
      await eventually(async () => ![0, killed].includes(await daemonPid(part).catch(() => 0)), {
        timeoutMs: 20_000,
        description: `a new ${part} daemon`,
      });
      const restartedAfter = (Date.now() - started) / 1000;
      await eventually(answers[part], { timeoutMs: 60_000, description: `${part} to answer again` });
      return { restarted: restartedAfter, answering: (Date.now() - started) / 1000 };
    } catch (error) {
      throw new Error(`${part} is not back (${(error as Error).message}):\n${await logOf(part)}`);
    }
  }

  // The api and worker run from TypeScript here (compiled at start-up): they take longer to answer than the
  // built ones of `npm run up` (README "Operations" has those numbers).
  it.each(PARTS)(
    '%s killed with SIGKILL is restarted within seconds and answers again',
    async (part) => {
      const seconds = await killAndWatch(part);
      expect(seconds.restarted).toBeLessThan(10);
      expect(seconds.answering).toBeLessThan(['api', 'worker'].includes(part) ? 60 : 20);
      console.log(
        `supervision: ${part} restarted ${seconds.restarted} s, answering ${seconds.answering} s after kill -9`,
      );
    },
    150_000,
  );

  it('the edge keeps a registration made before it was killed (usrloc in PostgreSQL)', async () => {
    const api = `http://127.0.0.1:${ports.PORT}`;
    const admin = { authorization: `Bearer ${process.env.ADMIN_API_KEY ?? ''}`, 'content-type': 'application/json' };
    const account = await postJson<{ id: string; sipDomain: string }>(`${api}/v1/accounts`, admin, {
      name: 'Supervised Acme',
    });
    const { key } = await postJson<{ key: string }>(`${api}/v1/accounts/${account.id}/api-keys`, admin, {
      name: 'test',
    });
    const password = 'Supervised-secret-1';
    await postJson(`${api}/v1/sip-users`, { ...admin, authorization: `Bearer ${key}` }, { username: 'bob', password });
    const link = await openLink('udp', edge());
    try {
      const outcome = await register(link, { user: 'bob', domain: account.sipDomain, password }, { expires: 300 });
      expect(outcome.status).toBe(200);
    } finally {
      link.close();
    }
    const aor = `bob@${account.sipDomain}`;
    const known = () => edgeRpc(edge(), 'ul.lookup', ['location', aor]).then(Boolean, () => false);
    expect(await known()).toBe(true);

    await killAndWatch('kamailio');
    expect(await known()).toBe(true);
  }, 120_000);
});

async function httpOk(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(1000) }).then(
    (response) => response.ok,
    () => false,
  );
}

async function postJson<T = unknown>(url: string, headers: Record<string, string>, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
