import { Injectable } from '@nestjs/common';
import { type SipMessage, PrismaService } from '@callwire/database';

/** A call's ladder holds at most this many messages (a long call with re-INVITEs stays well below). */
export const MAX_LADDER_MESSAGES = 1000;

/** The edge's captured SIP messages (written by the worker's HEP collector), read per Call-ID. */
@Injectable()
export class SipMessagesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The messages of this Call-ID captured from `sinceUs` on, in capture order. */
  listByCallId(sipCallId: string, sinceUs: bigint): Promise<SipMessage[]> {
    return this.prisma.sipMessage.findMany({
      where: { sipCallId, capturedAtUs: { gte: sinceUs } },
      orderBy: [{ capturedAtUs: 'asc' }, { id: 'asc' }],
      take: MAX_LADDER_MESSAGES,
    });
  }
}
