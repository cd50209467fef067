import { Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import { ResourceIdPipe } from '../common/validation';
import { WebhookDeliveryDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('Webhooks')
@AccountAuth()
@Controller('webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post(':id/replay')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Deliver the same event (same webhook-id) again, with a fresh run of attempts.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'Queued: the worker delivers it within a second.' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The endpoint is disabled: enable it first.' })
  replay(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<WebhookDeliveryDto> {
    return this.webhooks.replay(accountId, id);
  }
}
