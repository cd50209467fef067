import { Global, Module } from '@nestjs/common';
import { Pool } from 'pg';
import { DatabaseProbe } from './database.probe';
import { pgPoolProvider } from './pg-pool.provider';
import { PrismaService } from './prisma.service';

@Global()
@Module({
  providers: [pgPoolProvider, PrismaService, DatabaseProbe],
  exports: [Pool, PrismaService, DatabaseProbe],
})
export class DatabaseModule {}
