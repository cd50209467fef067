import { HttpStatus, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import {
  CarriersRepository,
  type OutboundRouteRecord,
  OutboundRoutesRepository,
  type RouteOrderKey,
  isForeignKeyViolation,
} from '@callwire/database';
import { UNKNOWN_CARRIER } from '../carriers/carrier-reference';
import { type Page, type PageQueryDto, toKeysetPage, toKeysetPageRequest } from '../common/pagination';
import { NotFoundProblemException, ProblemException, ValidationProblemException, problem } from '../common/problem';
import {
  type CreateOutboundRouteDto,
  DEFAULT_ROUTE_PRIORITY,
  type OutboundRouteDto,
  type UpdateOutboundRouteDto,
} from './dto/outbound-route.dto';

function toDto(route: OutboundRouteRecord): OutboundRouteDto {
  return {
    id: route.id,
    name: route.name,
    prefix: route.prefix,
    priority: route.priority,
    carrierId: route.carrierId,
    createdAt: route.createdAt,
    updatedAt: route.updatedAt,
  };
}

function orderKeyOf(route: OutboundRouteRecord): RouteOrderKey {
  return [route.priority, route.prefix.length, route.id];
}

function isOrderKey(value: unknown): value is RouteOrderKey {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    Number.isInteger(value[0]) &&
    Number.isInteger(value[1]) &&
    typeof value[2] === 'string' &&
    isUUID(value[2])
  );
}

/** Which carrier takes the account's calls to the outside, by number prefix. */
@Injectable()
export class OutboundRoutesService {
  constructor(
    private readonly routes: OutboundRoutesRepository,
    private readonly carriers: CarriersRepository,
  ) {}

  async create(accountId: string, dto: CreateOutboundRouteDto): Promise<OutboundRouteDto> {
    await this.checkCarrier(accountId, dto.carrierId);
    const route = await this.withCarrier(() =>
      this.routes.create(accountId, {
        name: dto.name,
        prefix: dto.prefix,
        priority: dto.priority ?? DEFAULT_ROUTE_PRIORITY,
        carrierId: dto.carrierId,
      }),
    );
    return toDto(route);
  }

  /** In the order they are tried: priority, then the longest prefix first. */
  async list(accountId: string, query: PageQueryDto): Promise<Page<OutboundRouteDto>> {
    const page = toKeysetPageRequest(query, isOrderKey);
    return toKeysetPage(await this.routes.list(accountId, page), page, orderKeyOf, toDto);
  }

  async get(accountId: string, id: string): Promise<OutboundRouteDto> {
    const route = await this.routes.findById(accountId, id);
    if (!route) throw new NotFoundProblemException('Outbound route');
    return toDto(route);
  }

  async update(accountId: string, id: string, dto: UpdateOutboundRouteDto): Promise<OutboundRouteDto> {
    if (Object.values(dto).every((value) => value === undefined)) {
      throw new ProblemException(
        problem(HttpStatus.BAD_REQUEST, 'Nothing to update: send name, prefix, priority or carrierId.'),
      );
    }
    if (dto.carrierId !== undefined) await this.checkCarrier(accountId, dto.carrierId);
    const route = await this.withCarrier(() =>
      this.routes.update(accountId, id, {
        name: dto.name,
        prefix: dto.prefix,
        priority: dto.priority,
        carrierId: dto.carrierId,
      }),
    );
    if (!route) throw new NotFoundProblemException('Outbound route');
    return toDto(route);
  }

  async delete(accountId: string, id: string): Promise<void> {
    if (!(await this.routes.delete(accountId, id))) throw new NotFoundProblemException('Outbound route');
  }

  private async checkCarrier(accountId: string, carrierId: string): Promise<void> {
    if (!(await this.carriers.exists(accountId, carrierId))) throw new ValidationProblemException([UNKNOWN_CARRIER]);
  }

  /** The carrier was checked, but may have been deleted since. */
  private async withCarrier<T>(save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new ValidationProblemException([UNKNOWN_CARRIER]);
      throw error;
    }
  }
}
