import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AdminAuth } from '../auth/auth.decorators';
import type { Page } from '../common/pagination';
import { ResourceIdPipe } from '../common/validation';
import { AccountsService } from './accounts.service';
import { AccountDto, AccountLimitsDto, AccountListQueryDto, AccountPageDto, CreateAccountDto } from './dto/account.dto';

@ApiTags('Accounts')
@AdminAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @ApiCreatedResponse({ type: AccountDto })
  @ApiConflictResponse({ description: 'sipDomain already taken.' })
  create(@Body() dto: CreateAccountDto): Promise<AccountDto> {
    return this.accounts.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: AccountPageDto, description: 'Newest first.' })
  list(@Query() query: AccountListQueryDto): Promise<Page<AccountDto>> {
    return this.accounts.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AccountDto })
  @ApiNotFoundResponse()
  get(@Param('id', ResourceIdPipe) id: string): Promise<AccountDto> {
    return this.accounts.get(id);
  }

  @Put(':id/limits')
  @ApiOperation({
    summary: 'Replace the account’s limits (a field that is null or absent: the platform default / no limit).',
    description:
      'requestsPerSecond applies to the API within 5 s; concurrentCalls and registrations reach the SIP edge through the worker.',
  })
  @ApiOkResponse({ type: AccountDto })
  @ApiNotFoundResponse()
  setLimits(@Param('id', ResourceIdPipe) id: string, @Body() limits: AccountLimitsDto): Promise<AccountDto> {
    return this.accounts.setLimits(id, limits);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted, with its API keys and SIP users.' })
  @ApiNotFoundResponse()
  delete(@Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.accounts.delete(id);
  }
}
