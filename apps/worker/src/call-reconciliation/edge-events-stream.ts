import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import {
  type CallReconciliationJob,
  type EdgeCallEvent,
  QueueName,
  edgeEventShard,
  edgeEventsStream,
} from '@callwire/queues';
import { edgeStreamEntry } from './lost-call';

/** Capped as the edge caps its own writes (route[PUBLISH_EVENT]): about a million entries over all shards. */
const STREAMS_MAX_LENGTH = 1_000_000;

/**
 * Reports call ends into the edge's own event stream, which the worker reads into call records (the path of
 * every end: records, webhooks, live notices). Appended behind everything the edge wrote so far, so an end
 * the edge reported itself before its dialog went away is applied first and ours is then ignored.
 */
@Injectable()
export class EdgeEventsStream {
  private readonly prefix: string;
  private readonly shards: number;

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    // Its Redis connection is the one the stream lives on: no connection of our own.
    @InjectQueue(QueueName.CallReconciliation) private readonly queue: Queue<CallReconciliationJob>,
  ) {
    this.prefix = config.queuePrefix;
    this.shards = config.edgeEventShards;
  }

  async publish(event: EdgeCallEvent): Promise<void> {
    const redis = await this.queue.client;
    // The call's own shard (the edge's hash of its Call-ID): behind the events the edge wrote for it.
    const stream = edgeEventsStream(this.prefix, edgeEventShard(event.sipCallId, this.shards));
    const maxLength = Math.floor(STREAMS_MAX_LENGTH / this.shards);
    await redis.xadd(stream, '*', { e: edgeStreamEntry(event) }, { MAXLEN: maxLength, approximate: true });
  }
}
