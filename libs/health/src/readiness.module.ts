import { Module } from '@nestjs/common';
import { RedisProbe } from '@callwire/queues';
import { ReadinessService } from './readiness.service';

/** Needs the (global) DatabaseModule and ConfigModule in the importing app. */
@Module({ providers: [RedisProbe, ReadinessService], exports: [ReadinessService] })
export class ReadinessModule {}
