import { Module } from '@nestjs/common';
import { SipMessagesRepository } from './sip-messages.repository';
import { SipTraceCollector } from './sip-trace.collector';

/** The call ladders' source: the edge's HEP capture, stored per Call-ID. */
@Module({ providers: [SipMessagesRepository, SipTraceCollector] })
export class SipTraceModule {}
