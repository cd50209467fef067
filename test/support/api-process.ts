import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { stopChild } from './child-process';
import { GiveUp, eventually } from './eventually';
import { freeSipPort } from './free-port';
import { ROOT } from './test-run';

export interface SourceResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Record<string, unknown>;
}

/** apps/api/src/main.ts as its own process (TypeScript via @swc-node/register), on a free loopback port. */
export class ApiProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    private readonly log: { text: string },
  ) {}

  static async start(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
    const port = await freeSipPort();
    const log = { text: '' };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        NO_COLOR: '1',
        SWC_NODE_PROJECT: resolve(ROOT, 'tsconfig.json'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (log.text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log.text += chunk.toString()));
    try {
      await eventually(
        () => {
          if (child.exitCode !== null) throw new GiveUp(`it exited with ${child.exitCode}`);
          return log.text.includes('API listening');
        },
        { timeoutMs: 30_000, intervalMs: 100, description: 'the API process to listen' },
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`API did not start (${(error as Error).message}):\n${log.text}`);
    }
    return new ApiProcess(child, port, log);
  }

  output(): string {
    return this.log.text;
  }

  /**
   * A JSON request from a chosen loopback address (127.0.0.0/8 all reaches 127.0.0.1): each address is
   * another source to the API's per-source limits.
   */
  request(
    source: string,
    method: string,
    path: string,
    options: { key?: string; body?: unknown } = {},
  ): Promise<SourceResponse> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = {};
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    if (payload !== undefined) headers['content-type'] = 'application/json';
    return new Promise((done, fail) => {
      const outgoing = request(
        { host: '127.0.0.1', port: this.port, localAddress: source, method, path, headers, agent: false },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () =>
            done({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
            }),
          );
        },
      );
      outgoing.on('error', fail);
      outgoing.end(payload);
    });
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}
