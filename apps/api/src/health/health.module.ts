import { Module } from '@nestjs/common';
import { ReadinessModule } from '@callwire/health';
import { HealthController } from './health.controller';

@Module({ imports: [ReadinessModule], controllers: [HealthController] })
export class HealthModule {}
