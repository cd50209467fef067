import { Module } from '@nestjs/common';
import { KamailioRpcClient } from '../edge-sync/kamailio-rpc.client';
import { DtmfRelayService } from './dtmf-relay.service';

/** DTMF interworking (RFC 4733 → SIP INFO) and the digits of calls, from rtpengine's DTMF reports. */
@Module({ providers: [KamailioRpcClient, DtmfRelayService] })
export class DtmfModule {}
