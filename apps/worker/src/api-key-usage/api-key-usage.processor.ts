import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { ApiKeysRepository } from '@callwire/database';
import { type ApiKeyUsageJob, QueueName } from '@callwire/queues';

/** Applies "API key used" events from the API to api_keys.last_used_at. */
@Processor(QueueName.ApiKeyUsage)
export class ApiKeyUsageProcessor extends WorkerHost {
  constructor(private readonly usage: ApiKeysRepository) {
    super();
  }

  async process(job: Job<ApiKeyUsageJob>): Promise<void> {
    await this.usage.recordUse(job.data.apiKeyId, new Date(job.data.usedAt));
  }
}
