import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type ApiKeyUsageJob, QueueName } from '@callwire/queues';

/** lastUsedAt is informational: one update per key per minute per API process is plenty. */
const USAGE_RESOLUTION_MS = 60_000;

/** Enqueues "key was used" jobs so authentication never writes to the database inline. */
@Injectable()
export class ApiKeyUsageProducer {
  private readonly logger = new Logger(ApiKeyUsageProducer.name);
  private readonly lastRecorded = new Map<string, number>();

  constructor(@InjectQueue(QueueName.ApiKeyUsage) private readonly queue: Queue<ApiKeyUsageJob>) {}

  record(apiKeyId: string, now = Date.now()): void {
    const last = this.lastRecorded.get(apiKeyId);
    if (last !== undefined && now - last < USAGE_RESOLUTION_MS) return;
    this.lastRecorded.set(apiKeyId, now);
    const job: ApiKeyUsageJob = { apiKeyId, usedAt: new Date(now).toISOString() };
    this.queue
      .add(QueueName.ApiKeyUsage, job, {
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: 1000,
      })
      .catch((error: unknown) => {
        this.lastRecorded.delete(apiKeyId);
        this.logger.warn(`could not enqueue API key usage: ${String(error)}`);
      });
  }
}
