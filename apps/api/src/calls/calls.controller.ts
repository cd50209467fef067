import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import type { Page } from '../common/pagination';
import { ResourceIdPipe } from '../common/validation';
import { CallLadderService } from './call-ladder.service';
import { CallsService } from './calls.service';
import { CallDto, CallPageDto, CallQueryDto } from './dto/call.dto';
import { SipMessageListDto } from './dto/sip-message.dto';

@ApiTags('Calls')
@AccountAuth()
@Controller('calls')
export class CallsController {
  constructor(
    private readonly calls: CallsService,
    private readonly ladder: CallLadderService,
  ) {}

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

  @Get(':id/sip-messages')
  @ApiOperation({
    summary: 'The SIP messages the edge sent and received for this call (its ladder), in capture order.',
    description: 'Captured by the edge (HEP) and kept SIP_TRACE_RETENTION_HOURS; empty when capture is off.',
  })
  @ApiOkResponse({ type: SipMessageListDto })
  @ApiNotFoundResponse()
  sipMessages(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
  ): Promise<SipMessageListDto> {
    return this.ladder.sipMessages(accountId, id);
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
