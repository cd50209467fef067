import { Injectable } from '@nestjs/common';
import type { RegistrationListDto } from './dto/registration.dto';
import { toRegistrationDto } from './registration-row.mapper';
import { RegistrationsRepository } from './registrations.repository';

@Injectable()
export class RegistrationsService {
  constructor(private readonly registrations: RegistrationsRepository) {}

  async list(accountId: string): Promise<RegistrationListDto> {
    return { data: (await this.registrations.listActive(accountId)).map(toRegistrationDto) };
  }
}
