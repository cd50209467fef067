import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ApplicationsRepository,
  CarriersRepository,
  type PhoneNumberRecord,
  PhoneNumbersRepository,
  SipUsersRepository,
  isForeignKeyViolation,
  isUniqueViolation,
} from '@callwire/database';
import { UNKNOWN_CARRIER } from '../carriers/carrier-reference';
import { type Page, toPage, toPageRequest } from '../common/pagination';
import { EdgeSyncProducer } from '../edge/edge-sync.producer';
import {
  ConflictProblemException,
  type FieldError,
  NotFoundProblemException,
  ProblemException,
  ValidationProblemException,
  problem,
} from '../common/problem';
import type {
  CreatePhoneNumberDto,
  PhoneNumberDto,
  PhoneNumberQueryDto,
  PhoneNumberRouteDto,
  UpdatePhoneNumberDto,
} from './dto/phone-number.dto';
import type { RouteType } from './routes';

function toDto(phoneNumber: PhoneNumberRecord): PhoneNumberDto {
  return {
    id: phoneNumber.id,
    number: phoneNumber.number,
    carrierId: phoneNumber.carrierId,
    route: { type: phoneNumber.routeType as RouteType, target: phoneNumber.routeTarget },
    createdAt: phoneNumber.createdAt,
    updatedAt: phoneNumber.updatedAt,
  };
}

/** The account's phone numbers and where their calls go. A number belongs to one account on the platform. */
@Injectable()
export class PhoneNumbersService {
  constructor(
    private readonly phoneNumbers: PhoneNumbersRepository,
    private readonly carriers: CarriersRepository,
    private readonly applications: ApplicationsRepository,
    private readonly sipUsers: SipUsersRepository,
    private readonly edge: EdgeSyncProducer,
  ) {}

  async create(accountId: string, dto: CreatePhoneNumberDto): Promise<PhoneNumberDto> {
    await this.checkReferences(accountId, dto);
    const phoneNumber = await this.saving(() =>
      this.phoneNumbers.create(accountId, {
        number: dto.number,
        carrierId: dto.carrierId ?? null,
        routeType: dto.route.type,
        routeTarget: dto.route.target,
      }),
    );
    await this.edge.resetRouteCache(`number ${phoneNumber.id} created`);
    return toDto(phoneNumber);
  }

  async list(accountId: string, query: PhoneNumberQueryDto): Promise<Page<PhoneNumberDto>> {
    const page = toPageRequest(query);
    return toPage(await this.phoneNumbers.list(accountId, page, query.number), page, toDto);
  }

  async get(accountId: string, id: string): Promise<PhoneNumberDto> {
    const phoneNumber = await this.phoneNumbers.findById(accountId, id);
    if (!phoneNumber) throw new NotFoundProblemException('Phone number');
    return toDto(phoneNumber);
  }

  async update(accountId: string, id: string, dto: UpdatePhoneNumberDto): Promise<PhoneNumberDto> {
    if (dto.carrierId === undefined && dto.route === undefined) {
      throw new ProblemException(problem(HttpStatus.BAD_REQUEST, 'Nothing to update: send carrierId or route.'));
    }
    await this.checkReferences(accountId, dto);
    const phoneNumber = await this.saving(() =>
      this.phoneNumbers.update(accountId, id, {
        carrierId: dto.carrierId,
        routeType: dto.route?.type,
        routeTarget: dto.route?.target,
      }),
    );
    if (!phoneNumber) throw new NotFoundProblemException('Phone number');
    await this.edge.resetRouteCache(`number ${id} changed`);
    return toDto(phoneNumber);
  }

  async delete(accountId: string, id: string): Promise<void> {
    if (!(await this.phoneNumbers.delete(accountId, id))) throw new NotFoundProblemException('Phone number');
    await this.edge.resetRouteCache(`number ${id} deleted`);
  }

  /** The carrier, SIP user or application named must be the account's own (a field error otherwise). */
  private async checkReferences(
    accountId: string,
    dto: { readonly carrierId?: string | null; readonly route?: PhoneNumberRouteDto },
  ): Promise<void> {
    const [carrierFound, targetFound] = await Promise.all([
      dto.carrierId ? this.carriers.exists(accountId, dto.carrierId) : true,
      dto.route ? this.targetExists(accountId, dto.route) : true,
    ]);
    const errors: FieldError[] = [];
    if (!carrierFound) errors.push(UNKNOWN_CARRIER);
    if (!targetFound) {
      const what = dto.route?.type === 'sip-user' ? 'the username of a SIP user' : 'the id of an application';
      errors.push({ field: 'route.target', message: `target must be ${what} of this account` });
    }
    if (errors.length > 0) throw new ValidationProblemException(errors);
  }

  /** SIP users and applications must exist; client identities and SIP URIs name nothing stored. */
  private targetExists(accountId: string, route: PhoneNumberRouteDto): Promise<boolean> | boolean {
    if (route.type === 'sip-user') return this.sipUsers.existsByUsername(accountId, route.target);
    if (route.type === 'application') return this.applications.exists(accountId, route.target);
    return true;
  }

  /** 409 for a number on the platform already (whose, is not said); the carrier may have gone meanwhile. */
  private async saving<T>(save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictProblemException('The number is already in use.');
      if (isForeignKeyViolation(error)) throw new ValidationProblemException([UNKNOWN_CARRIER]);
      throw error;
    }
  }
}
