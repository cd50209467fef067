import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

const PROBE_TIMEOUT_MS = 1000;

/** Readiness check: can this process run a query right now? */
@Injectable()
export class DatabaseProbe {
  constructor(private readonly prisma: PrismaService) {}

  async isUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([this.prisma.$queryRaw`SELECT 1`, timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
