import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { type EdgeSyncJob, QueueName } from '@callwire/queues';
import { keepJobScheduler } from '../job-scheduler';

const SCHEDULER_ID = 'carrier-registrations-sync';

/** Reads the edge's registrations with carriers every REGISTRATION_SYNC_INTERVAL_MS (none with 0). */
@Injectable()
export class CarrierRegistrationsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(CarrierRegistrationsScheduler.name);

  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    @InjectQueue(QueueName.EdgeSync) private readonly queue: Queue<EdgeSyncJob>,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule().catch((error: unknown) => this.logger.warn(`registration sync schedule: ${String(error)}`));
  }

  private async schedule(): Promise<void> {
    const data: EdgeSyncJob = { kind: 'sync-carrier-registrations' };
    await keepJobScheduler(this.queue, SCHEDULER_ID, this.config.routing.registrationSyncIntervalMs, {
      name: data.kind,
      data,
    });
  }
}
