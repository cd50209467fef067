import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
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
import { CreateSipUserDto, SipUserDto, SipUserPageDto, UpdateSipUserDto } from './dto/sip-user.dto';
import { SipUsersService } from './sip-users.service';

@ApiTags('SIP users')
@AccountAuth()
@Controller('sip-users')
export class SipUsersController {
  constructor(private readonly sipUsers: SipUsersService) {}

  @Post()
  @ApiCreatedResponse({ type: SipUserDto })
  @ApiConflictResponse({ description: 'The username exists in this account.' })
  create(@CurrentAccountId() accountId: string, @Body() dto: CreateSipUserDto): Promise<SipUserDto> {
    return this.sipUsers.create(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: SipUserPageDto })
  list(@CurrentAccountId() accountId: string, @Query() query: PageQueryDto): Promise<Page<SipUserDto>> {
    return this.sipUsers.list(accountId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: SipUserDto })
  @ApiNotFoundResponse()
  get(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<SipUserDto> {
    return this.sipUsers.get(accountId, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SipUserDto })
  @ApiNotFoundResponse()
  update(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
    @Body() dto: UpdateSipUserDto,
  ): Promise<SipUserDto> {
    return this.sipUsers.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  delete(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.sipUsers.delete(accountId, id);
  }
}
