import { Injectable } from '@nestjs/common';
import { type CallState, storedStatus, statusName } from '@callwire/calls';
import { type Call, Prisma, PrismaService } from '@callwire/database';

/** The call as stored, or null; given to a transition that decides what to store instead. */
export type CallTransitionFn = (current: CallState | null) => CallState | null;

function stateOf(call: Call): CallState {
  return { ...call, status: statusName(call.status) };
}

function columnsOf(state: CallState): Omit<Prisma.CallUncheckedCreateInput, 'accountId' | 'sipCallId' | 'direction'> {
  return { ...state, status: storedStatus(state.status) as Call['status'] };
}

/** An account's sipDomain never changes, so its id is remembered for a while (misses are not). */
const ACCOUNT_CACHE_MS = 60_000;

@Injectable()
export class CallRecordsRepository {
  private readonly accounts = new Map<string, { id: string; until: number }>();

  constructor(private readonly prisma: PrismaService) {}

  async findAccountIdBySipDomain(sipDomain: string): Promise<string | null> {
    const cached = this.accounts.get(sipDomain);
    if (cached && cached.until > Date.now()) return cached.id;
    const account = await this.prisma.account.findUnique({ where: { sipDomain }, select: { id: true } });
    if (account) this.accounts.set(sipDomain, { id: account.id, until: Date.now() + ACCOUNT_CACHE_MS });
    return account?.id ?? null;
  }

  /** The call.* webhook types already published for a call. */
  async publishedTypes(accountId: string, callId: string): Promise<Set<string>> {
    const events = await this.prisma.webhookEvent.findMany({
      where: { accountId, orderingKey: callId },
      select: { type: true },
    });
    return new Set(events.map((event) => event.type));
  }

  /**
   * Reads the call with its row locked, lets `transition` decide, and stores the result: concurrent
   * events of one call (several workers) apply one after the other. Returns the stored call (changed or not).
   */
  async transition(accountId: string, sipCallId: string, transition: CallTransitionFn): Promise<Call | null> {
    return this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM calls WHERE account_id = ${accountId}::uuid AND sip_call_id = ${sipCallId} FOR UPDATE`;
      const current = locked ? await tx.call.findUniqueOrThrow({ where: { id: locked.id } }) : null;
      const next = transition(current ? stateOf(current) : null);
      if (!next) return current;
      if (current) return tx.call.update({ where: { id: current.id }, data: columnsOf(next) });
      return tx.call.create({ data: { accountId, sipCallId, direction: 'internal', ...columnsOf(next) } });
    });
  }
}
