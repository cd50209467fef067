import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule } from '@callwire/config';
import { DatabaseModule } from '@callwire/database';
import { LiveEventsModule, QueuesModule } from '@callwire/queues';
import { ApiKeyUsageModule } from './api-key-usage/api-key-usage.module';
import { CallReconciliationModule } from './call-reconciliation/call-reconciliation.module';
import { DtmfModule } from './dtmf/dtmf.module';
import { EdgeEventsModule } from './edge-events/edge-events.module';
import { EdgeSyncModule } from './edge-sync/edge-sync.module';
import { GatewayHealthModule } from './gateway-health/gateway-health.module';
import { WorkerHealthModule } from './health/worker-health.module';
import { InFlightJobsDrain } from './in-flight-jobs.drain';
import { SipTraceModule } from './sip-trace/sip-trace.module';
import { WebhookDeliveriesModule } from './webhook-deliveries/webhook-deliveries.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    DiscoveryModule,
    QueuesModule.forRoot(),
    LiveEventsModule,
    ApiKeyUsageModule,
    EdgeSyncModule,
    EdgeEventsModule,
    CallReconciliationModule,
    GatewayHealthModule,
    WebhookDeliveriesModule,
    SipTraceModule,
    DtmfModule,
    WorkerHealthModule,
  ],
  providers: [InFlightJobsDrain],
})
export class WorkerModule {}
