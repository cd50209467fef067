import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopChild } from './child-process';
import { GiveUp, eventually } from './eventually';
import { freeSipPort } from './free-port';
import { ROOT } from './test-run';

/**
 * A private Redis with the persistence Callwire's setup gives its own (infra/redis/redis.conf: append-only
 * file), on its own port and directory, that a test can restart.
 */
export class RedisHarness {
  private child: ChildProcess | undefined;
  private readonly dir = mkdtempSync(join(tmpdir(), 'callwire-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisHarness> {
    const redis = new RedisHarness(await freeSipPort());
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async launch(): Promise<void> {
    const child = spawn(
      'redis-server',
      [resolve(ROOT, 'infra/redis/redis.conf'), '--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(
      () => {
        if (child.exitCode !== null) throw new GiveUp(`redis exited with ${child.exitCode}:\n${output}`);
        if (!output.includes('Ready to accept connections')) throw new Error(output);
      },
      { timeoutMs: 10_000, description: `redis on ${this.port} to be ready` },
    );
  }

  /** A clean restart (SIGTERM: Redis writes its append-only file and exits), then the same data again. */
  async restart(downMs: number): Promise<void> {
    await this.stop();
    await sleep(downMs); // not a wait: the outage itself, which the caller's test is about
    await this.launch();
  }

  stop(): Promise<void> {
    return stopChild(this.child);
  }
}
