import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
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
import type { Page } from '../common/pagination';
import { ResourceIdPipe } from '../common/validation';
import {
  CreatePhoneNumberDto,
  PhoneNumberDto,
  PhoneNumberPageDto,
  PhoneNumberQueryDto,
  UpdatePhoneNumberDto,
} from './dto/phone-number.dto';
import { PhoneNumbersService } from './phone-numbers.service';

const REFERENCES = 'An invalid field, or a carrier, SIP user or application that is not one of the account.';

@ApiTags('Phone numbers')
@AccountAuth()
@Controller('phone-numbers')
export class PhoneNumbersController {
  constructor(private readonly phoneNumbers: PhoneNumbersService) {}

  @Post()
  @ApiCreatedResponse({ type: PhoneNumberDto })
  @ApiBadRequestResponse({ description: REFERENCES })
  @ApiConflictResponse({ description: 'The number is in use on the platform.' })
  create(@CurrentAccountId() accountId: string, @Body() dto: CreatePhoneNumberDto): Promise<PhoneNumberDto> {
    return this.phoneNumbers.create(accountId, dto);
  }

  @Get()
  @ApiOkResponse({ type: PhoneNumberPageDto })
  list(@CurrentAccountId() accountId: string, @Query() query: PhoneNumberQueryDto): Promise<Page<PhoneNumberDto>> {
    return this.phoneNumbers.list(accountId, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PhoneNumberDto })
  @ApiNotFoundResponse()
  get(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<PhoneNumberDto> {
    return this.phoneNumbers.get(accountId, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: PhoneNumberDto })
  @ApiBadRequestResponse({ description: `${REFERENCES} The number itself cannot change.` })
  @ApiNotFoundResponse()
  update(
    @CurrentAccountId() accountId: string,
    @Param('id', ResourceIdPipe) id: string,
    @Body() dto: UpdatePhoneNumberDto,
  ): Promise<PhoneNumberDto> {
    return this.phoneNumbers.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  delete(@CurrentAccountId() accountId: string, @Param('id', ResourceIdPipe) id: string): Promise<void> {
    return this.phoneNumbers.delete(accountId, id);
  }
}
