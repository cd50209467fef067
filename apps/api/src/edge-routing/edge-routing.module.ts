import { Module } from '@nestjs/common';
import { EgressModule } from '@callwire/egress';
import { ApplicationVoiceClient } from './application-voice.client';
import { EdgeApiTokenGuard } from './edge-api-token.guard';
import { EdgeRoutingController } from './edge-routing.controller';
import { EdgeRoutingRepository } from './edge-routing.repository';
import { EdgeRoutingService } from './edge-routing.service';
import { InboundRoutingService } from './inbound-routing.service';
import { OutboundRoutingService } from './outbound-routing.service';

/** Routing decisions for the SIP edge: carrier calls (inbound) and calls to numbers outside (outbound). */
@Module({
  imports: [EgressModule],
  controllers: [EdgeRoutingController],
  providers: [
    EdgeApiTokenGuard,
    EdgeRoutingRepository,
    EdgeRoutingService,
    InboundRoutingService,
    OutboundRoutingService,
    ApplicationVoiceClient,
  ],
})
export class EdgeRoutingModule {}
