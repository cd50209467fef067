import { Module } from '@nestjs/common';
import { ReadinessModule } from '@callwire/health';
import { WorkerHealthServer } from './worker-health.server';

@Module({ imports: [ReadinessModule], providers: [WorkerHealthServer] })
export class WorkerHealthModule {}
