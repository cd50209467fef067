import { Injectable } from '@nestjs/common';
import { LocationRepository, type RegistrationOrderKey, type RegistrationRow } from '@callwire/database';
import { type Page, type PageQueryDto, toKeysetPage, toKeysetPageRequest } from '../common/pagination';
import type { RegistrationDto } from './dto/registration.dto';
import { toRegistrationDto } from './registration-row.mapper';

const orderKeyOf = (row: RegistrationRow): RegistrationOrderKey => [row.username, row.id];

function isOrderKey(value: unknown): value is RegistrationOrderKey {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    Number.isInteger(value[1]) &&
    value[1] >= 0 &&
    value[1] <= 2_147_483_647
  );
}

@Injectable()
export class RegistrationsService {
  constructor(private readonly registrations: LocationRepository) {}

  /** By username, then in the order the edge stored them. */
  async list(accountId: string, query: PageQueryDto): Promise<Page<RegistrationDto>> {
    const page = toKeysetPageRequest(query, isOrderKey);
    return toKeysetPage(await this.registrations.listActive(accountId, page), page, orderKeyOf, toRegistrationDto);
  }
}
