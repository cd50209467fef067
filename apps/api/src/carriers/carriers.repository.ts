import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, isRecordNotFound } from '@callwire/database';
import { type PageRequest, pageQuery } from '../common/pagination';
import { type GatewaySpec, planGateways } from './gateways';

/** Gateways in the order the edge tries them, which is also the order of the registration view. */
const WITH_GATEWAYS = {
  include: { gateways: { orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] } },
} as const satisfies Prisma.CarrierDefaultArgs;

/** A carrier with its gateways, as the service reads it (credentials included: never shown as such). */
export type CarrierRecord = Prisma.CarrierGetPayload<typeof WITH_GATEWAYS>;

/** The columns the API sets; registration* and the gateways' health columns are the worker's. */
export type CarrierFields = Pick<
  Prisma.CarrierModel,
  | 'name'
  | 'enabled'
  | 'inboundAddresses'
  | 'inboundAuthUsername'
  | 'inboundAuthRealm'
  | 'inboundAuthHa1'
  | 'outboundAuthUsername'
  | 'outboundAuthPassword'
  | 'fromDomain'
  | 'callerIdNumber'
  | 'registerEnabled'
  | 'registerExpires'
  | 'registerUsername'
  | 'registerPassword'
  | 'srtp'
  | 'dtmf'
>;

/** Every query is scoped by accountId: another account's carrier is indistinguishable from none. */
@Injectable()
export class CarriersRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(accountId: string, fields: CarrierFields, gateways: readonly GatewaySpec[]): Promise<CarrierRecord> {
    return this.prisma.carrier.create({
      data: { accountId, ...fields, gateways: { create: [...gateways] } },
      ...WITH_GATEWAYS,
    });
  }

  /** Oldest first; fetches limit + 1 rows. */
  list(accountId: string, page: PageRequest): Promise<CarrierRecord[]> {
    const { where, ...rest } = pageQuery(page);
    return this.prisma.carrier.findMany({ where: { accountId, ...where }, ...rest, ...WITH_GATEWAYS });
  }

  findById(accountId: string, id: string): Promise<CarrierRecord | null> {
    return this.prisma.carrier.findFirst({ where: { id, accountId }, ...WITH_GATEWAYS });
  }

  /** Whether the account has this carrier (for resources that point at one). */
  async exists(accountId: string, id: string): Promise<boolean> {
    return (await this.prisma.carrier.count({ where: { id, accountId } })) > 0;
  }

  /**
   * Applies the changes and, when given, makes the gateways exactly `gateways` (see planGateways), in one
   * transaction. Null when the account has no such carrier.
   */
  async update(
    accountId: string,
    id: string,
    changes: Partial<CarrierFields>,
    gateways?: readonly GatewaySpec[],
  ): Promise<CarrierRecord | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        // A change of the gateways alone is a change of the carrier too (Prisma bumps updatedAt only with data).
        const data = gateways ? { ...changes, updatedAt: new Date() } : changes;
        await tx.carrier.update({ where: { id, accountId }, data, select: { id: true } });
        if (gateways) {
          const plan = planGateways(await tx.carrierGateway.findMany({ where: { carrierId: id } }), gateways);
          await tx.carrierGateway.deleteMany({ where: { carrierId: id, id: { in: plan.removedIds } } });
          for (const { id: gatewayId, ...kept } of plan.kept) {
            await tx.carrierGateway.update({ where: { id: gatewayId }, data: kept });
          }
          await tx.carrierGateway.createMany({ data: plan.added.map((gateway) => ({ carrierId: id, ...gateway })) });
        }
        return tx.carrier.findUniqueOrThrow({ where: { id }, ...WITH_GATEWAYS });
      });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
  }

  /**
   * Deletes the carrier with its gateways and outbound routes; its phone numbers stay, with no carrier.
   * Returns it, or null when the account has no such carrier.
   */
  async delete(accountId: string, id: string): Promise<CarrierRecord | null> {
    try {
      return await this.prisma.carrier.delete({ where: { id, accountId }, ...WITH_GATEWAYS });
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
  }
}
