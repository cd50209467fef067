import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import type { Page } from '../common/pagination';
import { ResourceIdPipe } from '../common/validation';
import { CallsService } from './calls.service';
import { CallDto, CallPageDto, CallQueryDto } from './dto/call.dto';

@ApiTags('Calls')
@AccountAuth()
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @ApiOkResponse({ type: CallPageDto })
  list(@CurrentAccountId() accountId: string, @Query() query: CallQueryDto): Promise<Page<CallDto>> {
    return this.calls.list(accountId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CallDto })
  @ApiNotFoundResponse()
  get(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<CallDto> {
    return this.calls.get(accountId, id);
  }

  @Post(':id/hangup')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: CallDto, description: 'The edge ends the call within moments (call.completed).' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The call has already ended.' })
  hangup(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<CallDto> {
    return this.calls.hangup(accountId, id);
  }
}
