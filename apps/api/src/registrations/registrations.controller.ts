import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountAuth, CurrentAccountId } from '../auth/auth.decorators';
import { RegistrationListDto } from './dto/registration.dto';
import { RegistrationsService } from './registrations.service';

@ApiTags('Registrations')
@AccountAuth()
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Get()
  @ApiOkResponse({
    type: RegistrationListDto,
    description: "The account's devices currently registered at the SIP edge.",
  })
  list(@CurrentAccountId() accountId: string): Promise<RegistrationListDto> {
    return this.registrations.list(accountId);
  }
}
