import { Module } from '@nestjs/common';
import { SipTraceCollector } from './sip-trace.collector';

/** The call ladders' source: the edge's HEP capture, stored per Call-ID. */
@Module({ providers: [SipTraceCollector] })
export class SipTraceModule {}
