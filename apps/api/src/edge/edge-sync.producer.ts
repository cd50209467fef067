import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { type DeregistrationReason, type EdgeSyncJob, QueueName } from '@callwire/queues';

/** Retried with backoff while the edge is down (about 8 minutes in all). */
const EDGE_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: true,
  removeOnFail: 1000,
};

/** The API never calls the edge inline: what the edge must learn goes to the worker as a job. */
@Injectable()
export class EdgeSyncProducer {
  constructor(@InjectQueue(QueueName.EdgeSync) private readonly queue: Queue<EdgeSyncJob>) {}

  async deregisterUser(username: string, sipDomain: string, reason: DeregistrationReason): Promise<void> {
    await this.add({ kind: 'deregister-user', aor: `${username}@${sipDomain}`, reason });
  }

  async revokeClientToken(token: { readonly id: string; readonly expiresAt: Date }): Promise<void> {
    await this.add({
      kind: 'revoke-client-token',
      tokenId: token.id,
      expiresAt: Math.floor(token.expiresAt.getTime() / 1000),
    });
  }

  async hangupCall(sipCallId: string, accountId: string): Promise<void> {
    await this.add({ kind: 'hangup-call', sipCallId, accountId });
  }

  async reloadCarrierRegistrations(carrierId: string): Promise<void> {
    await this.add({ kind: 'reload-carrier-registrations', carrierId });
  }

  async reloadCarrierAddresses(carrierId: string): Promise<void> {
    await this.add({ kind: 'reload-carrier-addresses', carrierId });
  }

  async syncAccountLimits(sipDomain: string): Promise<void> {
    await this.add({ kind: 'sync-account-limits', sipDomain });
  }

  async clearEdgeBlock(ip: string): Promise<void> {
    await this.add({ kind: 'clear-edge-block', ip });
  }

  /** After any change of numbers, carriers or accounts: the edge's cached routing decisions may be wrong now. */
  async resetRouteCache(reason: string): Promise<void> {
    await this.add({ kind: 'reset-route-cache', reason });
  }

  private async add(job: EdgeSyncJob): Promise<void> {
    await this.queue.add(job.kind, job, EDGE_JOB_OPTIONS);
  }
}
