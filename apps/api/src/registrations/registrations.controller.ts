import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import { type Page, PageQueryDto } from '../common/pagination';
import { type RegistrationDto, RegistrationPageDto } from './dto/registration.dto';
import { RegistrationsService } from './registrations.service';

@ApiTags('Registrations')
@AccountAuth()
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Get()
  @ApiOkResponse({
    type: RegistrationPageDto,
    description: "The account's devices currently registered at the SIP edge, by username.",
  })
  list(@CurrentAccountId() accountId: string, @Query() query: PageQueryDto): Promise<Page<RegistrationDto>> {
    return this.registrations.list(accountId, query);
  }
}
