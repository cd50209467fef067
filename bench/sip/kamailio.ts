/**
 * The two Kamailio instances the SIP benchmarks compare: Callwire's edge exactly as `npm run up` starts it
 * (infra/scripts/kamailio.sh, infra/kamailio/kamailio.cfg) and the bare baseline (bench/sip/bare-kamailio.cfg),
 * each on free ports and its own run directory inside the benchmark's work directory, stopped by `cleanup`.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Cleanup, run } from '../support';
import { NativeProcess, type PortPool, waitForSip } from './processes';

const ROOT = resolve(__dirname, '../..');

export interface KamailioInstance {
  readonly process: NativeProcess;
  /** UDP and TCP on 127.0.0.1. */
  readonly port: number;
  readonly runDir: string;
}

/** As kamailio.sh does for the edge: when root, run as the Debian package's kamailio user (owning `runDir`). */
async function unprivilegedUser(runDir: string): Promise<string[]> {
  if (process.getuid?.() !== 0) return [];
  try {
    const uid = Number((await run('id', ['-u', 'kamailio'], process.env, ROOT)).trim());
    const gid = Number((await run('id', ['-g', 'kamailio'], process.env, ROOT)).trim());
    chownSync(runDir, uid, gid);
    return ['-u', 'kamailio', '-g', 'kamailio'];
  } catch {
    return [];
  }
}

/**
 * Callwire's edge on the bench database. Started as root, kamailio.sh drops the edge to the kamailio user: the
 * work directory is made readable by it. kamailio.sh generates a self-signed certificate in the run directory
 * (the bare baseline reuses it). `env` adds or overrides settings (e.g. the routing endpoint of bench:routing).
 */
export async function startEdge(options: {
  work: string;
  ports: PortPool;
  cleanup: Cleanup;
  databaseUrl: string;
  children: number;
  shmMb: number;
  env?: NodeJS.ProcessEnv;
  /** Its run directory inside `work` (several edges side by side need one each). */
  runDirName?: string;
}): Promise<KamailioInstance> {
  const { work, ports } = options;
  chmodSync(work, 0o755);
  const port = await ports.take();
  const runDir = join(work, options.runDirName ?? 'edge');
  mkdirSync(runDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    EDGE_AUTH_SECRET: randomBytes(32).toString('base64url'),
    SIP_LISTEN_IP: '127.0.0.1',
    SIP_PORT: String(port),
    SIP_TLS_PORT: String(await ports.take()),
    SIP_WSS_PORT: String(await ports.take()),
    EDGE_RPC_PORT: String(await ports.take()),
    EDGE_RUN_DIR: runDir,
    EDGE_CHILDREN: String(options.children),
    SIP_MIN_EXPIRES: '60',
    SIP_MAX_EXPIRES: '3600',
    SIP_NO_ANSWER_MS: '30000',
    // SIP capture (the ladders) costs are measured by bench:capture; elsewhere it is off, as in the baseline.
    SIP_TRACE_COLLECTOR_PORT: '0',
    ...options.env,
  };
  delete env.EDGE_TLS_CERT;
  delete env.EDGE_TLS_KEY;
  env.EDGE_SHM_MB = String(options.shmMb);
  const edge = NativeProcess.start('callwire edge', 'bash', [resolve(ROOT, 'infra/scripts/kamailio.sh')], {
    env,
    cwd: ROOT,
  });
  options.cleanup.add('stop the Callwire edge', () => edge.stop());
  await waitForSip('callwire edge', port, edge);
  return { process: edge, port, runDir };
}

/**
 * The bare baseline, as the same user as the edge, relaying calls statically to `uasUri`; it reuses the TLS
 * certificate kamailio.sh made in `edgeRunDir`. `env` adds settings (BENCH_CARRIER_IP for bench:routing).
 */
export async function startBareKamailio(options: {
  work: string;
  ports: PortPool;
  cleanup: Cleanup;
  children: number;
  shmMb: number;
  uasUri: string;
  edgeRunDir: string;
  env?: NodeJS.ProcessEnv;
}): Promise<KamailioInstance> {
  const { ports } = options;
  const port = await ports.take();
  const runDir = join(options.work, 'bare');
  mkdirSync(runDir);
  const privileges = await unprivilegedUser(runDir);
  const bare = NativeProcess.start(
    'bare kamailio',
    'kamailio',
    [
      '-DD',
      '-E',
      ...privileges,
      '-m',
      String(options.shmMb),
      '-f',
      resolve(__dirname, 'bare-kamailio.cfg'),
      '-Y',
      runDir,
      '-P',
      join(runDir, 'kamailio.pid'),
    ],
    {
      env: {
        ...process.env,
        SIP_LISTEN_IP: '127.0.0.1',
        SIP_PORT: String(port),
        SIP_TLS_PORT: String(await ports.take()),
        SIP_WSS_PORT: String(await ports.take()),
        EDGE_RPC_PORT: String(await ports.take()),
        EDGE_CHILDREN: String(options.children),
        EDGE_TLS_CERT: join(options.edgeRunDir, 'tls/edge-cert.pem'),
        EDGE_TLS_KEY: join(options.edgeRunDir, 'tls/edge-key.pem'),
        BENCH_UAS_URI: options.uasUri,
        ...options.env,
      },
      cwd: options.work,
    },
  );
  options.cleanup.add('stop the bare Kamailio', () => bare.stop());
  await waitForSip('bare kamailio', port, bare);
  return { process: bare, port, runDir };
}
