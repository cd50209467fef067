import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { probeGateway } from '@callwire/sip';
import { GATEWAY_PROBE, GatewayHealthProcessor } from './gateway-health.processor';
import { GatewayHealthRepository } from './gateway-health.repository';
import { GatewayHealthScheduler } from './gateway-health.scheduler';

/** SIP OPTIONS health checks of the carriers' gateways: the rounds' scheduler and their processor. */
@Module({
  imports: [QueuesModule.registerQueues(QueueName.GatewayHealth)],
  providers: [
    GatewayHealthRepository,
    { provide: GATEWAY_PROBE, useValue: probeGateway },
    GatewayHealthProcessor,
    GatewayHealthScheduler,
  ],
})
export class GatewayHealthModule {}
