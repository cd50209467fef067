import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import {
  type ClearEdgeBlockJob,
  type DeregisterUserJob,
  type EdgeCallEvent,
  type EdgeSyncJob,
  type HangupCallJob,
  LiveEventsPublisher,
  QueueName,
  type ReloadCarrierAddressesJob,
  type ReloadCarrierRegistrationsJob,
  type ResetRouteCacheJob,
  type RevokeClientTokenJob,
  type SyncAccountLimitsJob,
} from '@callwire/queues';
import { AccountsRepository, CarriersRepository, EdgeBlocksRepository, LocationRepository } from '@callwire/database';
import { CallReconciliationService } from '../call-reconciliation/call-reconciliation.service';
import { isUacRegistration, registrationState } from './carrier-registrations';
import { KamailioRpcClient, KamailioRpcError } from './kamailio-rpc.client';

/** What dlg.list_match tells of a dialog, as far as dlg.end_dlg and tm.cancel need it. */
interface DialogInfo {
  readonly h_entry: number;
  readonly h_id: number;
  /** 1 unconfirmed, 2 early (ringing), 3 and 4 confirmed (answered), 5 deleted (ending). */
  readonly state: number;
  readonly caller: { readonly cseq: string };
}
const ANSWERED_DIALOG = new Set([3, 4]);
const RINGING_DIALOG = new Set([1, 2]);

/** usrloc answers ul.rm / ul.rm_contact for what is already gone with this error: the goal is reached. */
const NOT_FOUND = /not found/i;
/** htable.get's answer for a key the table does not hold. */
const NO_SUCH_KEY = /doesn't exist/i;

/** The edge's routing generation as htable.get returns it: `{ item: { value } }`. */
function routeGenerationOf(answer: unknown): number {
  const item: unknown = typeof answer === 'object' && answer !== null && 'item' in answer ? answer.item : null;
  const value: unknown = typeof item === 'object' && item !== null && 'value' in item ? item.value : null;
  return typeof value === 'number' && Number.isInteger(value) ? value : 0;
}

/**
 * Applies edge changes decided by the API through Kamailio's JSON-RPC. An unreachable edge fails the job
 * and BullMQ retries it with backoff. usrloc writes removals through to PostgreSQL.
 */
@Processor(QueueName.EdgeSync)
export class EdgeSyncProcessor extends WorkerHost {
  private readonly logger = new Logger(EdgeSyncProcessor.name);

  constructor(
    private readonly kamailio: KamailioRpcClient,
    private readonly location: LocationRepository,
    private readonly carriers: CarriersRepository,
    private readonly live: LiveEventsPublisher,
    private readonly accounts: AccountsRepository,
    private readonly edgeBlocks: EdgeBlocksRepository,
    private readonly reconciliation: CallReconciliationService,
  ) {
    super();
  }

  async process(job: Job<EdgeSyncJob>): Promise<void> {
    const { data } = job;
    switch (data.kind) {
      case 'deregister-user':
        return this.deregisterUser(data);
      case 'revoke-client-token':
        return this.revokeClientToken(data);
      case 'hangup-call':
        return this.hangupCall(data);
      case 'reload-carrier-registrations':
        return this.reloadCarrierRegistrations(data);
      case 'reload-carrier-addresses':
        return this.reloadCarrierAddresses(data);
      case 'sync-carrier-registrations':
        return this.syncCarrierRegistrations();
      case 'sync-account-limits':
        return this.syncAccountLimits(data);
      case 'clear-edge-block':
        return this.clearEdgeBlock(data);
      case 'reset-route-cache':
        return this.resetRouteCache(data);
    }
  }

  /**
   * BYE to both sides of a confirmed call. The end is also reported from here (the edge's own report of a
   * hang-up it did not receive as a BYE is not reliable); whichever comes second is a repeat and ignored.
   * A ringing call gets a CANCEL to its callee instead (dlg.end_dlg ignores early dialogs); the edge reports
   * the 487 that ends it.
   */
  private async hangupCall({ sipCallId, accountId }: HangupCallJob): Promise<void> {
    const listed = await this.ignoringNotFound(this.kamailio.call('dlg.list_match', ['callid', 'eq', sipCallId]));
    const dialogs = Array.isArray(listed) ? (listed as DialogInfo[]) : [];
    // No dialog: the edge lost the call (a restart, an end it could not report), nothing else would end its record.
    if (dialogs.length === 0) return this.reconciliation.endWithoutDialog(accountId, sipCallId);
    for (const dialog of dialogs.filter(({ state }) => RINGING_DIALOG.has(state))) {
      await this.ignoringNotFound(this.kamailio.call('tm.cancel', [sipCallId, dialog.caller.cseq]));
      this.logger.log(`canceled call ${sipCallId}`);
    }
    const ended = dialogs.filter(({ state }) => ANSWERED_DIALOG.has(state));
    for (const dialog of ended) {
      await this.ignoringNotFound(this.kamailio.call('dlg.end_dlg', [dialog.h_entry, dialog.h_id]));
    }
    if (ended.length === 0) return;
    const event: EdgeCallEvent = {
      kind: 'call',
      event: 'ended',
      sipCallId,
      accountId,
      at: Date.now(),
      sipStatus: 200,
      reason: 'BYE',
      hangupBy: 'edge',
    };
    await this.reconciliation.reportEnd(event);
    this.logger.log(`hung up call ${sipCallId}`);
  }

  private async deregisterUser({ aor, reason }: DeregisterUserJob): Promise<void> {
    await this.ignoringNotFound(this.kamailio.call('ul.rm', ['location', aor]));
    this.logger.log(`removed the registrations of ${aor} (${reason})`);
  }

  /** uac re-reads kamailio_uacreg: new registrations start, changed ones re-register, removed ones stop. */
  private async reloadCarrierRegistrations({ carrierId }: ReloadCarrierRegistrationsJob): Promise<void> {
    await this.kamailio.call('uac.reg_reload', []);
    this.logger.log(`reloaded the carrier registrations (carrier ${carrierId} changed)`);
  }

  private async reloadCarrierAddresses({ carrierId }: ReloadCarrierAddressesJob): Promise<void> {
    await this.kamailio.call('permissions.addressReload', []);
    this.logger.log(`reloaded the carriers' inbound addresses (carrier ${carrierId} changed)`);
  }

  /** The state of every registration the edge keeps with a carrier, as uac sees it, into the carriers. */
  private async syncCarrierRegistrations(): Promise<void> {
    const dump = await this.kamailio.call('uac.reg_dump', []);
    const registrations = (Array.isArray(dump) ? dump : []).filter(isUacRegistration);
    const changedAccounts = await this.carriers.saveRegistrationStates(registrations.map(registrationState));
    for (const accountId of changedAccounts) this.live.publish(accountId, 'carriers');
  }

  /** First refuse the token (no new registration can slip in), then drop what it registered. */
  private async revokeClientToken({ tokenId, expiresAt }: RevokeClientTokenJob): Promise<void> {
    await this.kamailio.call('htable.seti', ['revoked', tokenId, expiresAt]);
    const contacts = await this.location.findContactsByToken(tokenId);
    for (const { aor, contact } of contacts) {
      await this.ignoringNotFound(this.kamailio.call('ul.rm_contact', ['location', aor, contact]));
    }
    this.logger.log(`revoked client token ${tokenId} (${contacts.length} registration(s) removed)`);
  }

  /**
   * The edge's htable acctlimits gets what the database says now (not what the job was enqueued with), so
   * jobs retried out of order still leave the latest limits.
   */
  private async syncAccountLimits({ sipDomain }: SyncAccountLimitsJob): Promise<void> {
    const limits = await this.accounts.findEdgeLimits(sipDomain);
    for (const key of [`${sipDomain}::calls`, `${sipDomain}::regs`]) {
      const value = limits.get(key);
      if (value === undefined) await this.ignoringNotFound(this.kamailio.call('htable.delete', ['acctlimits', key]));
      else await this.kamailio.call('htable.sets', ['acctlimits', key, value]);
    }
    this.logger.log(`updated the edge's limits of ${sipDomain}`);
  }

  /**
   * The edge keys the routing decisions it caches under its routing generation (htable routegen, kamailio.cfg
   * route[PLATFORM_ROUTE]): a new generation leaves every one of them unread, also a decision that the API made
   * before the change and the edge stores after it (the edge took its key, with the old generation, before asking).
   */
  private async resetRouteCache({ reason }: ResetRouteCacheJob): Promise<void> {
    const generation = ((await this.routeGeneration()) % 2_000_000_000) + 1;
    await this.kamailio.call('htable.seti', ['routegen', 'gen', generation]);
    this.logger.log(`routing generation ${generation} at the edge: cached routing decisions dropped (${reason})`);
  }

  private async routeGeneration(): Promise<number> {
    try {
      return routeGenerationOf(await this.kamailio.call('htable.get', ['routegen', 'gen']));
    } catch (error) {
      if (error instanceof KamailioRpcError && NO_SUCH_KEY.test(error.message)) return 0;
      throw error;
    }
  }

  private async clearEdgeBlock({ ip }: ClearEdgeBlockJob): Promise<void> {
    await this.ignoringNotFound(this.kamailio.call('htable.delete', ['ipban', ip]));
    await this.edgeBlocks.delete(ip);
    this.logger.log(`lifted the edge's block of ${ip}`);
  }

  /** The call's result, or undefined when Kamailio says what it should act on is already gone. */
  private async ignoringNotFound(call: Promise<unknown>): Promise<unknown> {
    try {
      return await call;
    } catch (error) {
      if (!(error instanceof KamailioRpcError && NOT_FOUND.test(error.message))) throw error;
      return undefined;
    }
  }
}
