import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type DeregisterUserJob, type DeregistrationReason, QueueName } from '@callwire/queues';

/** The API never calls the edge inline: what the edge must learn goes to the worker as a job. */
@Injectable()
export class EdgeSyncProducer {
  constructor(@InjectQueue(QueueName.EdgeSync) private readonly queue: Queue<DeregisterUserJob>) {}

  async deregisterUser(username: string, sipDomain: string, reason: DeregistrationReason): Promise<void> {
    const job: DeregisterUserJob = { aor: `${username}@${sipDomain}`, reason };
    await this.queue.add('deregister-user', job, {
      attempts: 10,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }
}
