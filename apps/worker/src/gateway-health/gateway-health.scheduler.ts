import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { type GatewayHealthJob, QueueName } from '@callwire/queues';
import { keepJobScheduler } from '../job-scheduler';

/** The one job scheduler of the health-check rounds (its id is shared by every worker). */
export const GATEWAY_HEALTH_SCHEDULER_ID = 'gateway-health-rounds';
export const GATEWAY_HEALTH_JOB_NAME = 'check-gateways';

/**
 * Keeps a BullMQ job scheduler that adds a round every GATEWAY_CHECK_INTERVAL_MS: with several workers
 * the scheduler is one in Redis, so each round runs once, on whichever worker takes it. With 0 it removes
 * the scheduler (health checks off). Not awaited at start-up: with Redis down, the command waits for it
 * without holding the worker (and its health endpoint) back.
 */
@Injectable()
export class GatewayHealthScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(GatewayHealthScheduler.name);

  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    @InjectQueue(QueueName.GatewayHealth) private readonly queue: Queue<GatewayHealthJob>,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule().catch((error: unknown) => this.logger.warn(`gateway health schedule: ${String(error)}`));
  }

  async schedule(): Promise<void> {
    const { removed } = await keepJobScheduler(
      this.queue,
      GATEWAY_HEALTH_SCHEDULER_ID,
      this.config.routing.gatewayCheckIntervalMs,
      {
        name: GATEWAY_HEALTH_JOB_NAME,
        data: {},
      },
    );
    if (removed) this.logger.log('gateway health checks off');
  }
}
