import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from './test-run';
import { resolve } from 'node:path';

export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly healthUrl: string;
  output(): string;
}

/** Starts apps/worker/src/main.ts as its own process (TypeScript via @swc-node/register); resolves once ready. */
export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
  let output = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      WORKER_HEALTH_PORT: '0',
      NO_COLOR: '1',
      SWC_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const match = /health on (http:\/\/\S+\/healthz)/.exec(output);
    if (match?.[1] && output.includes('worker ready')) return { child, healthUrl: match[1], output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`worker did not start:\n${output}`);
}

/**
 * `count` worker processes with the same settings, started side by side (the event pipeline's partitions and
 * the delivery queue are shared among them); resolves once all are ready.
 */
export function startWorkerProcesses(count: number, env: NodeJS.ProcessEnv): Promise<WorkerProcess[]> {
  return Promise.all(Array.from({ length: count }, () => startWorkerProcess(env)));
}
