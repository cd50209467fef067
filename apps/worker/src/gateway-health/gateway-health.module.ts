import { Module } from '@nestjs/common';
import { EgressModule, EgressPolicy } from '@callwire/egress';
import { QueueName, QueuesModule } from '@callwire/queues';
import { checkedProbe } from './checked-probe';
import { GATEWAY_PROBE, GatewayHealthProcessor } from './gateway-health.processor';
import { GatewayHealthScheduler } from './gateway-health.scheduler';

/** SIP OPTIONS health checks of the carriers' gateways: the rounds' scheduler and their processor. */
@Module({
  imports: [QueuesModule.registerQueues(QueueName.GatewayHealth), EgressModule],
  providers: [
    { provide: GATEWAY_PROBE, useFactory: checkedProbe, inject: [EgressPolicy] },
    GatewayHealthProcessor,
    GatewayHealthScheduler,
  ],
})
export class GatewayHealthModule {}
