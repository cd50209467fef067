import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AdminAuth } from '../auth/auth.decorators';
import type { Page } from '../common/pagination';
import { ResourceIdPipe } from '../common/validation';
import { AccountsService } from './accounts.service';
import { AccountDto, AccountListQueryDto, AccountPageDto, CreateAccountDto } from './dto/account.dto';

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

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted, with its API keys and SIP users.' })
  @ApiNotFoundResponse()
  delete(@Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.accounts.delete(id);
  }
}
