import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import { type Page, PageQueryDto } from '../common/pagination';
import { ResourceIdPipe } from '../common/validation';
import { ClientTokenService } from './client-tokens.service';
import {
  ClientTokenDto,
  ClientTokenPageDto,
  type ClientTokenSummaryDto,
  CreateClientTokenDto,
} from './dto/client-token.dto';

@ApiTags('Client tokens')
@AccountAuth()
@Controller('client-tokens')
export class ClientTokensController {
  constructor(private readonly clientTokens: ClientTokenService) {}

  @Post()
  @ApiCreatedResponse({ type: ClientTokenDto, description: 'The token is shown only in this response.' })
  @ApiBadRequestResponse({ description: 'Neither or both of sipUserId and identity, or an invalid field.' })
  @ApiNotFoundResponse({ description: 'No such SIP user in this account.' })
  @ApiConflictResponse({ description: 'The SIP user is disabled.' })
  issue(@CurrentAccountId() accountId: string, @Body() dto: CreateClientTokenDto): Promise<ClientTokenDto> {
    return this.clientTokens.issue(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: ClientTokenPageDto, description: 'Tokens that still work: neither revoked nor expired.' })
  list(@CurrentAccountId() accountId: string, @Query() query: PageQueryDto): Promise<Page<ClientTokenSummaryDto>> {
    return this.clientTokens.listLive(accountId, query);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked: the edge refuses it and drops its registrations within a second.' })
  @ApiNotFoundResponse()
  revoke(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.clientTokens.revoke(accountId, id);
  }
}
