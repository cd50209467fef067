import { Inject, Injectable, Logger } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { CallsRepository } from '@callwire/database';
import type { EdgeCallEvent } from '@callwire/queues';
import { EdgeDialogs } from './edge-dialogs';
import { EdgeEventsStream } from './edge-events-stream';
import { isPastGrace, lostCallEnd } from './lost-call';

/**
 * No call record stays active without a live dialog on the edge: records the edge lost (an edge restart, an
 * end it could not report) are ended through the edge's event stream, like every other end.
 */
@Injectable()
export class CallReconciliationService {
  private readonly logger = new Logger(CallReconciliationService.name);

  constructor(
    private readonly calls: CallsRepository,
    private readonly dialogs: EdgeDialogs,
    private readonly stream: EdgeEventsStream,
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
  ) {}

  /**
   * Ends the active records whose call has no dialog on the edge, once past their grace; returns how many.
   * Records are read before the dialogs: a call that starts in between is not judged by a list without it.
   */
  async reconcile(): Promise<number> {
    const active = await this.calls.findAllActive();
    if (active.length === 0) return 0;
    const callIds = await this.dialogs.callIds();
    const edgeStartedAt = await this.dialogs.startedAt();
    const now = Date.now();
    const lost = active.filter(
      (call) => !callIds.has(call.sipCallId) && isPastGrace(call, now, this.config.routing.noAnswerMs),
    );
    for (const call of lost) await this.stream.publish(lostCallEnd(call, edgeStartedAt, now));
    return lost.length;
  }

  /** A hang-up found no dialog for the call: its record (if still active) ends now. */
  async endWithoutDialog(accountId: string, sipCallId: string): Promise<void> {
    const call = await this.calls.findActive(accountId, sipCallId);
    if (!call) return;
    await this.stream.publish(lostCallEnd(call, await this.dialogs.startedAt(), Date.now()));
    this.logger.log(`hang-up of call ${sipCallId}: no dialog on the edge, its record ends`);
  }

  /** The platform ended a call at the edge (dlg.end_dlg reports no end of its own): the record ends too. */
  async reportEnd(event: EdgeCallEvent): Promise<void> {
    await this.stream.publish(event);
  }
}
