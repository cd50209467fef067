import { Module } from '@nestjs/common';
import { EgressModule } from '@callwire/egress';
import { EdgeModule } from '../edge/edge.module';
import { CarriersController } from './carriers.controller';
import { CarriersService } from './carriers.service';

@Module({
  imports: [EdgeModule, EgressModule],
  controllers: [CarriersController],
  providers: [CarriersService],
})
export class CarriersModule {}
