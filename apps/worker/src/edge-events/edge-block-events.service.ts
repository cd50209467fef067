import { Injectable, Logger } from '@nestjs/common';
import { EdgeBlocksRepository } from '@callwire/database';
import type { EdgeSecurityEvent } from '@callwire/queues';

/** Records the sources the edge blocks, for the admin's GET /v1/admin/edge-blocks. */
@Injectable()
export class EdgeBlockEventsService {
  private readonly logger = new Logger(EdgeBlockEventsService.name);

  constructor(private readonly blocks: EdgeBlocksRepository) {}

  async apply(event: EdgeSecurityEvent, now = new Date()): Promise<void> {
    await this.blocks.deleteExpired(now);
    if (event.until <= now.getTime()) return; // replayed after the block ended: nothing to show
    const { ip, reason, at, until } = event;
    await this.blocks.save({ ip, reason, blockedAt: new Date(at), expiresAt: new Date(until) });
    this.logger.log(`the edge blocked ${event.ip} (${event.reason}) until ${new Date(event.until).toISOString()}`);
  }
}
