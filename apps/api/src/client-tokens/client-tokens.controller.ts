import { Body, Controller, Delete, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import { ResourceIdPipe } from '../common/validation';
import { ClientTokenService } from './client-tokens.service';
import { ClientTokenDto, CreateClientTokenDto } from './dto/client-token.dto';

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

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked: the edge refuses it and drops its registrations within a second.' })
  @ApiNotFoundResponse()
  revoke(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.clientTokens.revoke(accountId, id);
  }
}
