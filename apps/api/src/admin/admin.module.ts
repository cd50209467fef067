import { Module } from '@nestjs/common';
import { EdgeModule } from '../edge/edge.module';
import { EdgeBlocksController } from './edge-blocks.controller';
import { EdgeBlocksService } from './edge-blocks.service';

/** Platform operator tools (admin key only). */
@Module({
  imports: [EdgeModule],
  controllers: [EdgeBlocksController],
  providers: [EdgeBlocksService],
})
export class AdminModule {}
