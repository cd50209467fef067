import { Controller, Delete, Get, HttpCode, HttpStatus, Param, type PipeTransform, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { isIP } from 'node:net';
import { AdminAuth } from '../auth/auth.decorators';
import { type Page, PageQueryDto } from '../common/pagination';
import { ValidationProblemException } from '../common/problem';
import { EdgeBlockDto, EdgeBlockPageDto } from './dto/edge-block.dto';
import { EdgeBlocksService } from './edge-blocks.service';

/** An IPv4 or IPv6 address, as the edge writes it. */
const IpAddressPipe: PipeTransform<string, string> = {
  transform(value: string): string {
    if (isIP(value) === 0) throw new ValidationProblemException([{ field: 'ip', message: 'ip must be an IP address' }]);
    return value;
  },
};

@ApiTags('Admin')
@AdminAuth()
@Controller('admin/edge-blocks')
export class EdgeBlocksController {
  constructor(private readonly blocks: EdgeBlocksService) {}

  @Get()
  @ApiOperation({ summary: 'Sources the SIP edge blocks now (failed authentications, floods, scanners).' })
  @ApiOkResponse({ type: EdgeBlockPageDto })
  list(@Query() query: PageQueryDto): Promise<Page<EdgeBlockDto>> {
    return this.blocks.list(query);
  }

  @Delete(':ip')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Lift the edge’s block of a source (the worker tells the edge within a second).' })
  @ApiParam({ name: 'ip', example: '203.0.113.7' })
  @ApiAcceptedResponse({ description: 'The record is gone; the edge lets the source in again shortly.' })
  clear(@Param('ip', IpAddressPipe) ip: string): Promise<void> {
    return this.blocks.clear(ip);
  }
}
