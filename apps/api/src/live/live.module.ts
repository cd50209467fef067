import { Module } from '@nestjs/common';
import { LiveEventsSubscriber } from './live-events.subscriber';
import { LiveController } from './live.controller';

/** Live updates for the dashboard: the worker's Redis notices, relayed as server-sent events. */
@Module({
  controllers: [LiveController],
  providers: [LiveEventsSubscriber],
})
export class LiveModule {}
