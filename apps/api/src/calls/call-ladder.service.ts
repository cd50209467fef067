import { Inject, Injectable } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { CallsRepository, type SipMessage, SipMessagesRepository } from '@callwire/database';
import { sipHost } from '@callwire/sip';
import { NotFoundProblemException } from '../common/problem';
import { causalOrder } from './ladder-order';
import type { SipMessageDto, SipMessageListDto } from './dto/sip-message.dto';

/** Call-IDs are random but not unique forever: only messages from shortly before the call started count. */
const CAPTURE_SLACK_US = 60_000_000n;

function toDto(message: SipMessage, firstUs: bigint): SipMessageDto {
  return {
    id: message.id.toString(),
    capturedAt: new Date(Number(message.capturedAtUs / 1000n)).toISOString(),
    elapsedMs: Number(message.capturedAtUs - firstUs) / 1000,
    source: `${sipHost(message.sourceIp)}:${message.sourcePort}`,
    destination: `${sipHost(message.destinationIp)}:${message.destinationPort}`,
    transport: message.transport,
    method: message.method,
    statusCode: message.statusCode,
    reasonPhrase: message.reasonPhrase,
    cseq: message.cseq,
    label: message.method ?? `${message.statusCode ?? ''} ${message.reasonPhrase ?? ''}`.trim(),
    raw: message.payload,
  };
}

/** A call's SIP ladder: what the edge captured of it, only through a call of the account. */
@Injectable()
export class CallLadderService {
  constructor(
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
    private readonly calls: CallsRepository,
    private readonly messages: SipMessagesRepository,
  ) {}

  async sipMessages(accountId: string, callId: string): Promise<SipMessageListDto> {
    const call = await this.calls.findById(accountId, callId);
    if (!call) throw new NotFoundProblemException('Call');
    const sinceUs = BigInt(call.startedAt.getTime()) * 1000n - CAPTURE_SLACK_US;
    const messages = await this.messages.listByCallId(call.sipCallId, sinceUs);
    const firstUs = messages[0]?.capturedAtUs ?? 0n;
    return {
      data: causalOrder(messages.map((message) => toDto(message, firstUs))),
      retentionHours: this.config.sipTrace.retentionHours,
    };
  }
}
