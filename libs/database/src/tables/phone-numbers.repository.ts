import { Injectable } from '@nestjs/common';
import { unlessNotFound } from '../errors';
import type { Prisma } from '../generated/client';
import { type PageRequest, pageQuery } from '../pagination';
import { PrismaService } from '../prisma.service';

export type PhoneNumberRecord = Prisma.PhoneNumberModel;

export interface PhoneNumberChanges {
  readonly carrierId?: string | null;
  readonly routeType?: string;
  readonly routeTarget?: string;
}

export type NewPhoneNumber = Required<PhoneNumberChanges> & { readonly number: string };

/**
 * An account's phone numbers (the API manages them; routing decisions read them joined with carriers in
 * EdgeRoutingRepository). Every query is scoped by accountId: another account's number is indistinguishable
 * from none.
 */
@Injectable()
export class PhoneNumbersRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(accountId: string, phoneNumber: NewPhoneNumber): Promise<PhoneNumberRecord> {
    return this.prisma.phoneNumber.create({ data: { accountId, ...phoneNumber } });
  }

  /** Oldest first, optionally only one number; fetches limit + 1 rows. */
  list(accountId: string, page: PageRequest, number?: string): Promise<PhoneNumberRecord[]> {
    const { where, ...rest } = pageQuery(page);
    return this.prisma.phoneNumber.findMany({
      where: { accountId, ...where, ...(number === undefined ? {} : { number }) },
      ...rest,
    });
  }

  findById(accountId: string, id: string): Promise<PhoneNumberRecord | null> {
    return this.prisma.phoneNumber.findFirst({ where: { id, accountId } });
  }

  /** How many of the account's numbers are routed to this target (e.g. an application before it goes). */
  countRoutedTo(accountId: string, routeType: string, routeTarget: string): Promise<number> {
    return this.prisma.phoneNumber.count({ where: { accountId, routeType, routeTarget } });
  }

  async update(accountId: string, id: string, changes: PhoneNumberChanges): Promise<PhoneNumberRecord | null> {
    return unlessNotFound(this.prisma.phoneNumber.update({ where: { id, accountId }, data: changes }));
  }

  /** False when the account has no such number. */
  async delete(accountId: string, id: string): Promise<boolean> {
    const deleted = await unlessNotFound(
      this.prisma.phoneNumber.delete({ where: { id, accountId }, select: { id: true } }),
    );
    return deleted !== null;
  }
}
