import { Module } from '@nestjs/common';
import { QueueName, QueuesModule } from '@callwire/queues';
import { KamailioRpcClient } from '../edge-sync/kamailio-rpc.client';
import { CallReconciliationProcessor } from './call-reconciliation.processor';
import { CallReconciliationScheduler } from './call-reconciliation.scheduler';
import { CallReconciliationService } from './call-reconciliation.service';
import { EdgeDialogs } from './edge-dialogs';
import { EdgeEventsStream } from './edge-events-stream';

/** Ends call records the edge has no dialog for: rounds (at start, then per interval) and hang-ups. */
@Module({
  imports: [QueuesModule.registerQueues(QueueName.CallReconciliation)],
  providers: [
    KamailioRpcClient,
    EdgeDialogs,
    EdgeEventsStream,
    CallReconciliationService,
    CallReconciliationProcessor,
    CallReconciliationScheduler,
  ],
  exports: [CallReconciliationService],
})
export class CallReconciliationModule {}
