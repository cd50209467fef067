import { Injectable } from '@nestjs/common';
import { KamailioRpcClient } from '../edge-sync/kamailio-rpc.client';

function callIdOf(dialog: unknown): string | undefined {
  const callId = typeof dialog === 'object' && dialog !== null ? (dialog as Record<string, unknown>)['call-id'] : null;
  return typeof callId === 'string' ? callId : undefined;
}

function uptimeSecondsOf(result: unknown): number {
  const uptime = typeof result === 'object' && result !== null ? (result as Record<string, unknown>).uptime : null;
  if (typeof uptime !== 'number') throw new Error(`kamailio core.uptime: unexpected answer ${JSON.stringify(result)}`);
  return uptime;
}

/** The edge's dialogs (Kamailio's dialog module, over JSON-RPC). */
@Injectable()
export class EdgeDialogs {
  constructor(private readonly kamailio: KamailioRpcClient) {}

  /**
   * The Call-IDs of every dialog whatever its state: a dialog still being routed or ringing is a live call,
   * and one in state "deleted" is ending, with its `ended` event already on its way in the edge's stream.
   */
  async callIds(): Promise<Set<string>> {
    const dialogs = await this.kamailio.call('dlg.list', []);
    return new Set((Array.isArray(dialogs) ? dialogs : []).map(callIdOf).filter((id) => id !== undefined));
  }

  /** When the edge process started (ms): dialogs live in its memory only, so a restart loses them all. */
  async startedAt(): Promise<number> {
    const before = Date.now();
    return before - uptimeSecondsOf(await this.kamailio.call('core.uptime', [])) * 1000;
  }
}
