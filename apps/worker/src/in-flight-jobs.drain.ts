import { WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * On shutdown, stops every BullMQ worker from taking new jobs and waits for the running ones.
 * This runs before onApplicationShutdown, where the database connection closes, so in-flight jobs
 * can still write their results.
 */
@Injectable()
export class InFlightJobsDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(InFlightJobsDrain.name);

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(): Promise<void> {
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
    await Promise.all(hosts.map((host) => host.worker.close()));
    this.logger.log(`drained ${hosts.length} queue worker(s)`);
  }
}
