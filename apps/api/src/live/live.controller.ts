import { Controller, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import { type LiveMessage, LiveEventsSubscriber } from './live-events.subscriber';

@ApiTags('Live updates')
@AccountAuth()
@Controller('live')
export class LiveController {
  constructor(private readonly live: LiveEventsSubscriber) {}

  @Sse()
  @ApiOperation({
    summary: 'Server-sent events: which of the account’s lists changed (refetch them).',
    description:
      'Event names: registrations, calls, webhook-deliveries, carriers (data: {"accountId": …}); ping every 15 s.',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'An endless text/event-stream.', schema: { type: 'string' } })
  stream(@CurrentAccountId() accountId: string): Observable<LiveMessage> {
    return this.live.stream(accountId);
  }
}
