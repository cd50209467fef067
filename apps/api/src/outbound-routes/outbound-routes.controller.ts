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
  CreateOutboundRouteDto,
  OutboundRouteDto,
  OutboundRoutePageDto,
  UpdateOutboundRouteDto,
} from './dto/outbound-route.dto';
import { OutboundRoutesService } from './outbound-routes.service';

const INVALID = 'An invalid field, or a carrierId that is not a carrier of the account.';

@ApiTags('Outbound routes')
@AccountAuth()
@Controller('outbound-routes')
export class OutboundRoutesController {
  constructor(private readonly routes: OutboundRoutesService) {}

  @Post()
  @ApiOperation({
    summary: 'Route calls to numbers with a prefix to a carrier.',
    description: 'A route is deleted with its carrier.',
  })
  @ApiCreatedResponse({ type: OutboundRouteDto })
  @ApiBadRequestResponse({ description: INVALID })
  create(@CurrentAccountId() accountId: string, @Body() dto: CreateOutboundRouteDto): Promise<OutboundRouteDto> {
    return this.routes.create(accountId, dto);
  }

  @Get()
  @ApiOperation({ summary: 'The routes in the order they are tried: by priority, then the longest prefix first.' })
  @ApiOkResponse({ type: OutboundRoutePageDto })
  list(@CurrentAccountId() accountId: string, @Query() query: PageQueryDto): Promise<Page<OutboundRouteDto>> {
    return this.routes.list(accountId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OutboundRouteDto })
  @ApiNotFoundResponse()
  get(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<OutboundRouteDto> {
    return this.routes.get(accountId, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: OutboundRouteDto })
  @ApiBadRequestResponse({ description: INVALID })
  @ApiNotFoundResponse()
  update(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
    @Body() dto: UpdateOutboundRouteDto,
  ): Promise<OutboundRouteDto> {
    return this.routes.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  delete(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.routes.delete(accountId, id);
  }
}
