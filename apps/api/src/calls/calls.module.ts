import { Module } from '@nestjs/common';
import { EdgeModule } from '../edge/edge.module';
import { CallLadderService } from './call-ladder.service';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';

@Module({
  imports: [EdgeModule],
  controllers: [CallsController],
  providers: [CallsService, CallLadderService],
})
export class CallsModule {}
