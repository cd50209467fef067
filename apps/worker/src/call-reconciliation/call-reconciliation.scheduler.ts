import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { type CallReconciliationJob, QueueName } from '@callwire/queues';
import { keepJobScheduler } from '../job-scheduler';

const SCHEDULER_ID = 'call-reconciliation-rounds';
const JOB_NAME = 'reconcile-calls';

/**
 * A round at start (the edge may have restarted while no worker ran), then one every
 * CALL_RECONCILE_INTERVAL_MS from a job scheduler shared by every worker. With 0: none at all.
 * Not awaited at start-up, like the other schedulers: Redis being down must not hold the worker back.
 */
@Injectable()
export class CallReconciliationScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(CallReconciliationScheduler.name);

  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    @InjectQueue(QueueName.CallReconciliation) private readonly queue: Queue<CallReconciliationJob>,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule().catch((error: unknown) => this.logger.warn(`call reconciliation schedule: ${String(error)}`));
  }

  private async schedule(): Promise<void> {
    const every = this.config.routing.callReconcileIntervalMs;
    const interval: CallReconciliationJob = { trigger: 'interval' };
    await keepJobScheduler(this.queue, SCHEDULER_ID, every, { name: JOB_NAME, data: interval });
    if (every === 0) return;
    const atStart: CallReconciliationJob = { trigger: 'worker-start' };
    await this.queue.add(JOB_NAME, atStart, { removeOnComplete: true, removeOnFail: { count: 100 } });
  }
}
