import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The real worker (all BullMQ processors) in this test process. */
export class WorkerHarness {
  private constructor(readonly app: INestApplicationContext) {}

  static async start(): Promise<WorkerHarness> {
    process.env.WORKER_HEALTH_PORT = '0';
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await app.init();
    return new WorkerHarness(app);
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
