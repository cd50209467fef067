import { Injectable } from '@nestjs/common';
import { isIP } from 'node:net';
import { type EdgeBlock, EdgeBlocksRepository } from '@callwire/database';
import { EdgeSyncProducer } from '../edge/edge-sync.producer';
import { type Page, type PageQueryDto, toKeysetPage, toKeysetPageRequest } from '../common/pagination';
import type { EdgeBlockDto } from './dto/edge-block.dto';

const isAddress = (value: unknown): value is string => typeof value === 'string' && isIP(value) !== 0;

const toDto = ({ ip, reason, blockedAt, expiresAt }: EdgeBlock): EdgeBlockDto => ({ ip, reason, blockedAt, expiresAt });

/** Sources the SIP edge blocked by itself (failed authentications, floods, scanners), for the admin. */
@Injectable()
export class EdgeBlocksService {
  constructor(
    private readonly blocks: EdgeBlocksRepository,
    private readonly edge: EdgeSyncProducer,
  ) {}

  async list(query: PageQueryDto, now = new Date()): Promise<Page<EdgeBlockDto>> {
    const page = toKeysetPageRequest(query, isAddress);
    return toKeysetPage(await this.blocks.listActive(page, now), page, (block) => block.ip, toDto);
  }

  /**
   * The record goes at once; the worker lifts the edge's block (also one the platform has no record of, e.g.
   * from before an outage of the events stream).
   */
  async clear(ip: string): Promise<void> {
    await this.blocks.delete(ip);
    await this.edge.clearEdgeBlock(ip);
  }
}
