import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountAuth, AdminAuth, CurrentAccountId } from '../auth/auth.decorators';
import { type Page, PageQueryDto } from '../common/pagination';
import { ResourceIdPipe } from '../common/validation';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('API keys')
@Controller()
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post('accounts/:id/api-keys')
  @AdminAuth()
  @ApiCreatedResponse({ type: CreatedApiKeyDto, description: 'The key is shown only in this response.' })
  @ApiNotFoundResponse({ description: 'No such account.' })
  issue(@Param('id', ResourceIdPipe) accountId: string, @Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.apiKeys.issue(accountId, dto);
  }

  @Get('api-keys')
  @AccountAuth()
  @ApiOkResponse({ type: ApiKeyPageDto })
  list(@CurrentAccountId() accountId: string, @Query() query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    return this.apiKeys.list(accountId, query);
  }

  @Delete('api-keys/:id')
  @AccountAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked: the key stops working immediately.' })
  @ApiNotFoundResponse()
  revoke(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.apiKeys.revoke(accountId, id);
  }
}
