import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
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
import { CarrierDto, CarrierPageDto, CreateCarrierDto, UpdateCarrierDto } from './dto/carrier.dto';
import { CarriersService } from './carriers.service';

@ApiTags('Carriers')
@AccountAuth()
@Controller('carriers')
export class CarriersController {
  constructor(private readonly carriers: CarriersService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a SIP trunk.',
    description:
      'Passwords are never returned: inbound.auth is stored as an HA1 digest, outbound.auth and register ' +
      'credentials as given (they are presented to the carrier).',
  })
  @ApiCreatedResponse({ type: CarrierDto })
  @ApiBadRequestResponse({ description: 'An invalid field, or register enabled without a gateway or credentials.' })
  @ApiConflictResponse({ description: 'The inbound username is taken (they are unique on the platform).' })
  create(@CurrentAccountId() accountId: string, @Body() dto: CreateCarrierDto): Promise<CarrierDto> {
    return this.carriers.create(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: CarrierPageDto })
  list(@CurrentAccountId() accountId: string, @Query() query: PageQueryDto): Promise<Page<CarrierDto>> {
    return this.carriers.list(accountId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CarrierDto })
  @ApiNotFoundResponse()
  get(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<CarrierDto> {
    return this.carriers.get(accountId, id);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a carrier.',
    description:
      'Every field is optional. In inbound, outbound and outbound.register, the fields given replace those ' +
      'fields; `auth: null` removes credentials. outbound.gateways is the full new list: a gateway with the ' +
      'host, port and transport of an existing one keeps its id and health.',
  })
  @ApiOkResponse({ type: CarrierDto })
  @ApiBadRequestResponse({ description: 'An invalid field, or register enabled without a gateway or credentials.' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The inbound username is taken (they are unique on the platform).' })
  update(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
    @Body() dto: UpdateCarrierDto,
  ): Promise<CarrierDto> {
    return this.carriers.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a carrier.',
    description:
      'Its gateways and the outbound routes to it are deleted with it; phone numbers that name it stay, ' +
      'with carrierId null. The edge drops its registration with the carrier.',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  delete(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.carriers.delete(accountId, id);
  }
}
