import { Injectable, Logger } from '@nestjs/common';
import type { EdgeSecurityEvent } from '@callwire/queues';
import { EdgeBlocksRepository } from './edge-blocks.repository';

/** Records the sources the edge blocks, for the admin's GET /v1/admin/edge-blocks. */
@Injectable()
export class EdgeBlockEventsService {
  private readonly logger = new Logger(EdgeBlockEventsService.name);

  constructor(private readonly blocks: EdgeBlocksRepository) {}

  async apply(event: EdgeSecurityEvent, now = new Date()): Promise<void> {
    await this.blocks.deleteExpired(now);
    if (event.until <= now.getTime()) return; // replayed after the block ended: nothing to show
    await this.blocks.save(event);
    this.logger.log(`the edge blocked ${event.ip} (${event.reason}) until ${new Date(event.until).toISOString()}`);
  }
}
