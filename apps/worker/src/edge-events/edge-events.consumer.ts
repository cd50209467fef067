import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Redis } from 'ioredis';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { CallsRepository } from '@callwire/database';
import {
  type EdgeEventJob,
  deadEdgeEventsStream,
  edgeEventShard,
  edgeEventsStream,
  legacyEdgeEventsStream,
  redisOptionsFromUrl,
} from '@callwire/queues';
import { type AppliedCallEvents, CallRecordsService } from '../calls/call-records.service';
import { type OutgoingDelivery, WebhookDispatcher } from '../webhook-deliveries/webhook-dispatch';
import { EdgeBlockEventsService } from './edge-block-events.service';
import { parseEdgeEvent } from './edge-event.parser';
import { RegistrationEventsService } from './registration-events.service';
import { HEARTBEAT_MS, ShardLeases } from './shard-leases';

const GROUP = 'callwire-worker';
/**
 * Every partition is read under this one consumer name, whoever owns it: a new owner (after a crash or a
 * hand-over) reads the entries its predecessor received but did not acknowledge before anything new.
 */
const CONSUMER = 'owner';
/** Entries read per partition and round: a round is one transaction, so bigger rounds amortize its cost. */
const READ_COUNT = 500;
const BLOCK_MS = 500;
/** How often the owner looks for deferred events (see NOT_KNOWN_*) that are due. */
const RETRY_POLL_MS = 250;
/** An event about a call whose `initiated` was not seen is tried again after 0.2 s, 0.4 s, … (about 14 min). */
const NOT_KNOWN_FIRST_DELAY_MS = 200;
const NOT_KNOWN_MAX_ATTEMPTS = 12;
/** An event whose database work fails for another reason than an unreachable database, this often, is dead. */
const MAX_FAILURES = 3;
const MAX_BACKOFF_MS = 5_000;
const DEAD_STREAM_MAX_LENGTH = 100_000;
const STATS_EVERY_MS = 10_000;
const RECOVER_AFTER_MS = 3_000;
/** After a takeover, deliveries go through the queue until the stranded ones are surely queued. */
const TAKEOVER_MARGIN_MS = 10_000;

type StreamEntry = [id: string, fields: string[] | null];
type StreamReply = [stream: string, entries: StreamEntry[]][] | null;

/** One event to apply: a stream entry, or a deferred one (retryMember) from the partition's retry set. */
interface Entry {
  readonly partition: number;
  readonly id: string;
  readonly raw: string;
  /** How often it was deferred before (not known yet). */
  readonly attempts: number;
  readonly retryMember?: string;
}

/** What a round decided for its entries, written to Redis at once (MULTI) after the database commit. */
interface RoundOutcome {
  readonly deferred: Entry[];
  readonly dead: { entry: Entry; reason: string }[];
  readonly deliveries: OutgoingDelivery[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoffMs = (attempt: number) => Math.min(MAX_BACKOFF_MS, 100 * 2 ** (attempt - 1));

/**
 * PostgreSQL unreachable, restarting or out of connections, or a serialization conflict: waiting helps, and the
 * events are not at fault. Errors without an SQLSTATE are the connection's (refused, reset, timed out).
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (!/^[0-9A-Z]{5}$/.test(code)) return true;
  return ['08', '40', '53', '57'].includes(code.slice(0, 2));
}

/**
 * The edge's events: EDGE_EVENT_SHARDS Redis streams (the edge picks one by hashing the Call-ID), plus the
 * unpartitioned stream older edges wrote to. Workers share the partitions through leases (ShardLeases); the
 * owner of a partition reads it in rounds (XREADGROUP over all its partitions, up to READ_COUNT entries each),
 * applies a round's call events in one transaction (CallRecordsService.applyBatch), then acknowledges the
 * entries and sends the webhook deliveries the round created. A crash before the acknowledgement replays the
 * round, which changes nothing the second time. No entry is dropped silently: malformed ones, and ones that keep
 * failing, go to the dead-letter stream with a log line.
 */
@Injectable()
export class EdgeEventsStreamConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EdgeEventsStreamConsumer.name);
  /** Blocking reads only: commands on a connection wait behind a blocked XREADGROUP. */
  private readonly reader: Redis;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly shards: number;
  private readonly leases: ShardLeases;
  /** Per owned partition: '0' while its pending entries are read again (after it was taken), then '>'. */
  private readonly cursors = new Map<number, string>();
  private readonly groupsToCreate = new Set<number>();
  private running = false;
  private loop: Promise<void> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private lastRetryPoll = 0;
  private readonly recovering = new Set<number>();
  /** When this process last took a partition (its previous owner may have left deliveries unsent). */
  private lastTakeoverAt = 0;
  private recoveryTimer: NodeJS.Timeout | undefined;
  private recovery: Promise<void> = Promise.resolve();
  /** Rounds since the last progress line (STATS_EVERY_MS): how busy the pipeline is, in the log. */
  private stats = { rounds: 0, entries: 0, deferred: 0, busyMs: 0, since: Date.now() };

  constructor(
    @Inject(CALLWIRE_CONFIG) config: CallwireConfig,
    private readonly calls: CallRecordsService,
    private readonly registrations: RegistrationEventsService,
    private readonly blocks: EdgeBlockEventsService,
    private readonly callRecords: CallsRepository,
    private readonly dispatcher: WebhookDispatcher,
  ) {
    const options = { ...redisOptionsFromUrl(config.redisUrl), maxRetriesPerRequest: null, lazyConnect: true };
    this.reader = new Redis(options);
    this.redis = new Redis(options);
    // Both reconnect by themselves; the loop and the heartbeat log what they could not do.
    this.reader.on('error', () => undefined);
    this.redis.on('error', () => undefined);
    this.prefix = config.queuePrefix;
    this.shards = config.edgeEventShards;
    this.leases = new ShardLeases(this.redis, `${this.prefix}:edge-events`, this.shards + 1);
    this.leases.onAcquired((partition) => {
      this.lastTakeoverAt = Date.now();
      this.cursors.set(partition, '0');
      this.groupsToCreate.add(partition);
      this.logger.log(`reading edge-event partition ${this.streamOf(partition)}`);
      this.recoverLater(partition);
    });
  }

  /**
   * A taken shard's calls may have deliveries its previous owner stored and died before sending: after
   * RECOVER_AFTER_MS (a previous owner that handed the shard over has finished sending by then), the ones
   * stored before the takeover go to the delivery queue. Takeovers close together share one look.
   */
  private recoverLater(partition: number): void {
    if (partition >= this.shards) return;
    this.recovering.add(partition);
    const takenAt = new Date();
    this.recoveryTimer ??= setTimeout(() => {
      this.recoveryTimer = undefined;
      const partitions = new Set(this.recovering);
      this.recovering.clear();
      const isOurs = (sipCallId: string) => partitions.has(edgeEventShard(sipCallId, this.shards));
      this.recovery = this.dispatcher
        .recoverStranded(isOurs, takenAt)
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.warn(`stranded deliveries (the sweeper will take them): ${String(error)}`),
        );
    }, RECOVER_AFTER_MS);
  }

  /** Partitions 0 … shards-1 are the shard streams; the last one is the unpartitioned stream of older edges. */
  private streamOf(partition: number): string {
    return partition < this.shards ? edgeEventsStream(this.prefix, partition) : legacyEdgeEventsStream(this.prefix);
  }

  private retryKey(partition: number): string {
    return `${this.streamOf(partition)}:retry`;
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.reader.connect(), this.redis.connect()]);
    await this.tick();
    this.heartbeat = setInterval(() => void this.tick(), HEARTBEAT_MS);
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearInterval(this.heartbeat);
    clearTimeout(this.recoveryTimer);
    await this.loop;
    await this.recovery;
    await this.dispatcher.beforeApplicationShutdown(); // the last round's deliveries, before the database closes
    await this.ticking;
    await this.leases.releaseAll().catch(() => undefined);
    this.reader.disconnect();
    this.redis.disconnect();
  }

  /** Heartbeat and leases; one at a time (a slow Redis must not pile them up). */
  private tick(): Promise<void> {
    this.ticking = this.ticking.then(() =>
      this.leases.tick().catch((error: unknown) => {
        this.logger.warn(`edge-event leases: ${String(error)}`);
      }),
    );
    return this.ticking;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.leases.releaseUnassigned();
        for (const partition of this.cursors.keys()) {
          if (!this.leases.owns(partition)) this.cursors.delete(partition);
        }
        const owned = this.leases.ownedPartitions();
        if (owned.length === 0) {
          await sleep(200);
          continue;
        }
        await this.createGroups();
        const entries = [...(await this.dueRetries(owned)), ...(await this.read(owned))];
        if (entries.length > 0) {
          const started = performance.now();
          await this.round(entries);
          this.count(entries.length, performance.now() - started);
        }
      } catch (error) {
        if (!this.running) break;
        this.logger.error(`edge events: ${String(error)}; reading the unacknowledged entries again`);
        if (String(error).includes('NOGROUP'))
          for (const partition of this.cursors.keys()) this.groupsToCreate.add(partition);
        for (const partition of this.cursors.keys()) this.cursors.set(partition, '0');
        await sleep(BLOCK_MS);
      }
    }
  }

  private count(entries: number, ms: number): void {
    this.stats.rounds++;
    this.stats.entries += entries;
    this.stats.busyMs += ms;
    const elapsed = Date.now() - this.stats.since;
    if (elapsed < STATS_EVERY_MS) return;
    const { rounds, deferred, busyMs } = this.stats;
    this.logger.log(
      `edge events: ${this.stats.entries} in ${rounds} rounds in the last ${Math.round(elapsed / 1000)} s ` +
        `(${Math.round(busyMs / rounds)} ms per round, ${deferred} deferred), partitions ${this.leases.ownedPartitions().join(',')}; ` +
        this.dispatcher.stats(),
    );
    this.stats = { rounds: 0, entries: 0, deferred: 0, busyMs: 0, since: Date.now() };
  }

  /** From the start of the stream: events the edge wrote before the first worker ever ran count too. */
  private async createGroups(): Promise<void> {
    for (const partition of this.groupsToCreate) {
      const stream = this.streamOf(partition);
      try {
        await this.redis.xgroup('CREATE', stream, GROUP, '0', 'MKSTREAM');
      } catch (error) {
        if (!String(error).includes('BUSYGROUP')) throw error;
      }
      // Entries older workers (one consumer per process) left unacknowledged belong to the owner now.
      await this.redis.xautoclaim(stream, GROUP, CONSUMER, 0, '0-0', 'COUNT', 10_000);
      this.groupsToCreate.delete(partition);
    }
  }

  private async read(owned: number[]): Promise<Entry[]> {
    const recovering = owned.filter((partition) => this.cursors.get(partition) !== '>');
    const partitions = recovering.length > 0 ? recovering : owned;
    const ids = partitions.map((partition) => this.cursors.get(partition) ?? '>');
    const reply = (await (recovering.length > 0
      ? this.reader.xreadgroup(
          'GROUP',
          GROUP,
          CONSUMER,
          'COUNT',
          READ_COUNT,
          'STREAMS',
          ...partitions.map((partition) => this.streamOf(partition)),
          ...ids,
        )
      : this.reader.xreadgroup(
          'GROUP',
          GROUP,
          CONSUMER,
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...partitions.map((partition) => this.streamOf(partition)),
          ...ids,
        ))) as StreamReply;
    const byStream = new Map((reply ?? []).map(([stream, entries]) => [stream, entries]));
    const entries: Entry[] = [];
    for (const partition of partitions) {
      const read = byStream.get(this.streamOf(partition)) ?? [];
      if (this.cursors.get(partition) !== '>') {
        const last = read[read.length - 1];
        this.cursors.set(partition, last ? last[0] : '>'); // pending ones done: new entries from now on
      }
      for (const [id, fields] of read) {
        // A pending entry trimmed off the stream since (MAXLEN) reads as null: nothing left to apply.
        const raw = fields ? (fields[fields.indexOf('e') + 1] ?? '') : '';
        entries.push({ partition, id, raw, attempts: 0 });
      }
    }
    return entries;
  }

  /** Deferred events whose time has come, from the retry sets of the owned partitions. */
  private async dueRetries(owned: number[]): Promise<Entry[]> {
    if (Date.now() - this.lastRetryPoll < RETRY_POLL_MS) return [];
    this.lastRetryPoll = Date.now();
    const pipeline = this.redis.pipeline();
    for (const partition of owned)
      pipeline.zrangebyscore(this.retryKey(partition), '-inf', Date.now(), 'LIMIT', 0, READ_COUNT);
    const results = (await pipeline.exec()) ?? [];
    return owned.flatMap((partition, i) => {
      const [error, members] = results[i] ?? [null, []];
      if (error) throw error;
      return (members as string[]).map((member) => {
        const { id, e, a } = JSON.parse(member) as { id: string; e: string; a: number };
        return { partition, id, raw: e, attempts: a, retryMember: member };
      });
    });
  }

  /** One round: apply, then record the outcome in Redis (acknowledge, defer, dead-letter), then send. */
  private async round(entries: Entry[]): Promise<void> {
    const outcome: RoundOutcome = { deferred: [], dead: [], deliveries: [] };
    const calls: { event: Extract<EdgeEventJob, { kind: 'call' }>; ref: Entry }[] = [];
    const others: { job: Exclude<EdgeEventJob, { kind: 'call' }>; entry: Entry }[] = [];
    for (const entry of entries) {
      const job = parseEdgeEvent(entry.raw);
      if (!job) outcome.dead.push({ entry, reason: 'malformed' });
      else if (job.kind === 'call') calls.push({ event: job, ref: entry });
      else others.push({ job, entry });
    }
    await this.applyCalls(calls, outcome);
    for (const { job, entry } of others) {
      const failed = await this.attempt([entry], () => {
        if (job.kind === 'registration') return this.registrations.apply(job);
        if (job.kind === 'dtmf') return this.callRecords.appendDtmfDigit(job);
        return this.blocks.apply(job);
      });
      if (failed) outcome.dead.push({ entry, reason: failed });
    }
    await this.finish(entries, outcome);
    // Until a takeover's stranded deliveries are queued, in-process sends could pass them: the queue keeps order.
    const throughQueue = Date.now() - this.lastTakeoverAt < RECOVER_AFTER_MS + TAKEOVER_MARGIN_MS;
    this.dispatcher.dispatch(outcome.deliveries, { throughQueue });
  }

  private async applyCalls(
    calls: { event: Extract<EdgeEventJob, { kind: 'call' }>; ref: Entry }[],
    outcome: RoundOutcome,
  ) {
    if (calls.length === 0) return;
    const refs = calls.map(({ ref }) => ref);
    let applied: AppliedCallEvents<Entry> | undefined;
    const failed = await this.attempt(refs, async () => {
      applied = await this.calls.applyBatch(calls);
    });
    if (!failed && applied) {
      outcome.deferred.push(...applied.notKnownYet);
      outcome.deliveries.push(...applied.deliveries);
      return;
    }
    if (calls.length === 1) {
      outcome.dead.push({ entry: refs[0] as Entry, reason: failed ?? 'failed' });
      return;
    }
    // The batch keeps failing for a reason of its own: one event at a time finds the ones at fault.
    this.logger.warn(`a round of ${calls.length} call events failed (${failed}); applying them one by one`);
    for (const call of calls) await this.applyCalls([call], outcome);
  }

  /**
   * Runs `work` until it succeeds: an unreachable database is waited for (with backoff, for as long as the
   * partitions are still ours); other failures are tried MAX_FAILURES times. Returns why it gave up, or null.
   */
  private async attempt(entries: readonly Entry[], work: () => Promise<void>): Promise<string | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        await work();
        return null;
      } catch (error) {
        const lost = entries.some((entry) => !this.leases.owns(entry.partition));
        if (!this.running || lost) throw new Error(`stopped while applying edge events: ${String(error)}`);
        const transient = isTransientDatabaseError(error);
        if (!transient && attempt >= MAX_FAILURES) return String(error).slice(0, 300);
        if (attempt === 1 || attempt % 10 === 0) {
          this.logger.warn(
            `applying ${entries.length} edge event(s) failed (attempt ${attempt}), retrying: ${String(error)}`,
          );
        }
        await sleep(backoffMs(attempt));
      }
    }
  }

  /** Acknowledges the round's stream entries, removes its retried ones, defers and dead-letters: one MULTI. */
  private async finish(entries: Entry[], { deferred, dead }: RoundOutcome): Promise<void> {
    const multi = this.redis.multi();
    const acks = new Map<number, string[]>();
    for (const entry of entries) {
      if (entry.retryMember) multi.zrem(this.retryKey(entry.partition), entry.retryMember);
      else acks.set(entry.partition, [...(acks.get(entry.partition) ?? []), entry.id]);
    }
    for (const [partition, ids] of acks) multi.xack(this.streamOf(partition), GROUP, ...ids);
    const now = Date.now();
    this.stats.deferred += deferred.length;
    for (const entry of deferred) {
      const attempts = entry.attempts + 1;
      if (attempts > NOT_KNOWN_MAX_ATTEMPTS) {
        dead.push({ entry, reason: `its call's initiated was never seen (${NOT_KNOWN_MAX_ATTEMPTS} tries)` });
        continue;
      }
      const member = JSON.stringify({ id: entry.id, e: entry.raw, a: attempts });
      multi.zadd(this.retryKey(entry.partition), now + NOT_KNOWN_FIRST_DELAY_MS * 2 ** (attempts - 1), member);
    }
    for (const { entry, reason } of dead) {
      multi.xadd(
        deadEdgeEventsStream(this.prefix),
        'MAXLEN',
        '~',
        DEAD_STREAM_MAX_LENGTH,
        '*',
        'e',
        entry.raw,
        'stream',
        this.streamOf(entry.partition),
        'id',
        entry.id,
        'reason',
        reason,
      );
    }
    await multi.exec();
    for (const { entry, reason } of dead) {
      this.logger.error(
        `edge event ${entry.id} of ${this.streamOf(entry.partition)} moved to ${deadEdgeEventsStream(this.prefix)}: ${reason}`,
      );
    }
  }
}
