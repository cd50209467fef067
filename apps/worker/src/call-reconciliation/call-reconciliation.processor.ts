import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { type CallReconciliationJob, QueueName } from '@callwire/queues';
import { CallReconciliationService } from './call-reconciliation.service';

/** One round at a time; an unreachable edge fails the round, and the next one tries again. */
@Processor(QueueName.CallReconciliation, { concurrency: 1 })
export class CallReconciliationProcessor extends WorkerHost {
  private readonly logger = new Logger(CallReconciliationProcessor.name);

  constructor(private readonly reconciliation: CallReconciliationService) {
    super();
  }

  /** Returns how many records it ended. */
  async process(job: Job<CallReconciliationJob>): Promise<number> {
    const ended = await this.reconciliation.reconcile();
    if (ended > 0) this.logger.log(`ending ${ended} call record(s) without a dialog on the edge (${job.data.trigger})`);
    return ended;
  }
}
