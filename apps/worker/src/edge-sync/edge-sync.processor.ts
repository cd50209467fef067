import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { type DeregisterUserJob, QueueName } from '@callwire/queues';
import { KamailioRpcClient, KamailioRpcError } from './kamailio-rpc.client';

/** usrloc answers ul.rm for an AoR without contacts with this error: the goal is already reached. */
const AOR_NOT_FOUND = /not found/i;

/**
 * Applies edge changes decided by the API. An unreachable edge fails the job, and BullMQ retries it
 * with backoff. ul.rm removes the contacts from memory and, with usrloc's write-through, from PostgreSQL.
 */
@Processor(QueueName.EdgeSync)
export class EdgeSyncProcessor extends WorkerHost {
  private readonly logger = new Logger(EdgeSyncProcessor.name);

  constructor(private readonly kamailio: KamailioRpcClient) {
    super();
  }

  async process(job: Job<DeregisterUserJob>): Promise<void> {
    const { aor, reason } = job.data;
    try {
      await this.kamailio.call('ul.rm', ['location', aor]);
      this.logger.log(`removed the registrations of ${aor} (${reason})`);
    } catch (error) {
      if (error instanceof KamailioRpcError && AOR_NOT_FOUND.test(error.message)) return;
      throw error;
    }
  }
}
