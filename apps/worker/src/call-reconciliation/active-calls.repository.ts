import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService } from '@callwire/database';

/** A call record that is not final yet (initiated, ringing or in-progress), with its account's SIP domain. */
export interface ActiveCall {
  readonly accountId: string;
  readonly sipDomain: string;
  readonly sipCallId: string;
  readonly startedAt: Date;
  readonly answeredAt: Date | null;
}

const ACTIVE: Prisma.CallWhereInput['status'] = { in: ['initiated', 'ringing', 'in_progress'] };
const SELECT = {
  accountId: true,
  sipCallId: true,
  startedAt: true,
  answeredAt: true,
  account: { select: { sipDomain: true } },
} satisfies Prisma.CallSelect;

type Row = Omit<ActiveCall, 'sipDomain'> & { readonly account: { readonly sipDomain: string } };

function toActiveCall({ account, ...call }: Row): ActiveCall {
  return { ...call, sipDomain: account.sipDomain };
}

/** The call records that claim a call is still up, to compare with the edge's dialogs. */
@Injectable()
export class ActiveCallsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every active record of every account. */
  async findAll(): Promise<ActiveCall[]> {
    const calls = await this.prisma.call.findMany({ where: { status: ACTIVE }, select: SELECT });
    return calls.map(toActiveCall);
  }

  /** The active record of one call of an account, or null. */
  async find(accountId: string, sipCallId: string): Promise<ActiveCall | null> {
    const call = await this.prisma.call.findFirst({
      where: { accountId, sipCallId, status: ACTIVE },
      select: SELECT,
    });
    return call && toActiveCall(call);
  }
}
