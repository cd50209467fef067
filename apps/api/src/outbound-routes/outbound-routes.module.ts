import { Module } from '@nestjs/common';
import { CarriersModule } from '../carriers/carriers.module';
import { OutboundRoutesController } from './outbound-routes.controller';
import { OutboundRoutesService } from './outbound-routes.service';

@Module({
  imports: [CarriersModule],
  controllers: [OutboundRoutesController],
  providers: [OutboundRoutesService],
})
export class OutboundRoutesModule {}
