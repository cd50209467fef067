import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { CallReconciliationModule } from '../call-reconciliation/call-reconciliation.module';
import { CarrierRegistrationsScheduler } from './carrier-registrations.scheduler';
import { EdgeSyncProcessor } from './edge-sync.processor';
import { KamailioRpcClient } from './kamailio-rpc.client';

@Module({
  imports: [QueuesModule.registerQueues(QueueName.EdgeSync), CallReconciliationModule],
  providers: [KamailioRpcClient, EdgeSyncProcessor, CarrierRegistrationsScheduler],
})
export class EdgeSyncModule {}
