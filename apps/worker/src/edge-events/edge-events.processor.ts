import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { type EdgeEventJob, QueueName } from '@callwire/queues';
import { CallRecordsService } from '../calls/call-records.service';
import { EdgeBlockEventsService } from './edge-block-events.service';
import { RegistrationEventsService } from './registration-events.service';

/** One edge event at a time, in stream order: call records first, webhooks from them. */
@Processor(QueueName.EdgeEvents, { concurrency: 1 })
export class EdgeEventsProcessor extends WorkerHost {
  constructor(
    private readonly calls: CallRecordsService,
    private readonly registrations: RegistrationEventsService,
    private readonly blocks: EdgeBlockEventsService,
  ) {
    super();
  }

  async process(job: Job<EdgeEventJob>): Promise<void> {
    const event = job.data;
    if (event.kind === 'call') await this.calls.apply(event, job.attemptsMade > 0);
    else if (event.kind === 'registration') await this.registrations.apply(event);
    else await this.blocks.apply(event);
  }
}
