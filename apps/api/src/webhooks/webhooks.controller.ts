import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import { type Page, PageQueryDto } from '../common/pagination';
import { ResourceIdPipe } from '../common/validation';
import {
  CreateWebhookEndpointDto,
  CreatedWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  type WebhookDeliveryDto,
  WebhookDeliveryPageDto,
  WebhookEndpointDto,
  WebhookEndpointPageDto,
  WebhookSecretDto,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('Webhooks')
@AccountAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiCreatedResponse({ type: CreatedWebhookEndpointDto, description: 'The secret is shown only in this response.' })
  @ApiBadRequestResponse({ description: 'Not an http(s) URL, no events or an unknown event type.' })
  create(
    @CurrentAccountId() accountId: string,
    @Body() dto: CreateWebhookEndpointDto,
  ): Promise<CreatedWebhookEndpointDto> {
    return this.webhooks.create(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: WebhookEndpointPageDto })
  list(@CurrentAccountId() accountId: string, @Query() query: PageQueryDto): Promise<Page<WebhookEndpointDto>> {
    return this.webhooks.list(accountId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiNotFoundResponse()
  get(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<WebhookEndpointDto> {
    return this.webhooks.get(accountId, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiNotFoundResponse()
  update(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return this.webhooks.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted with its deliveries log; nothing more is sent to it.' })
  @ApiNotFoundResponse()
  delete(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.webhooks.delete(accountId, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Replace the signing secret; attempts from now on are signed with the new one.' })
  @ApiOkResponse({ type: WebhookSecretDto })
  @ApiNotFoundResponse()
  rotateSecret(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<WebhookSecretDto> {
    return this.webhooks.rotateSecret(accountId, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: "The endpoint's deliveries, newest first." })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiNotFoundResponse()
  listDeliveries(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<WebhookDeliveryDto>> {
    return this.webhooks.listDeliveries(accountId, id, query);
  }
}
