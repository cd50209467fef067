import { Global, Module } from '@nestjs/common';
import { Pool } from 'pg';
import { DatabaseProbe } from './database.probe';
import { pgPoolProvider } from './pg-pool.provider';
import { PrismaService } from './prisma.service';
import { Sql, sqlProvider } from './sql';
import { REPOSITORIES } from './tables';

/** The shared pool, Prisma and Kysely over it, and the one repository of each table, for both apps. */
@Global()
@Module({
  providers: [pgPoolProvider, PrismaService, sqlProvider, DatabaseProbe, ...REPOSITORIES],
  exports: [Pool, PrismaService, Sql, DatabaseProbe, ...REPOSITORIES],
})
export class DatabaseModule {}
