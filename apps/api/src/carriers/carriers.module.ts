import { Module } from '@nestjs/common';
import { EgressModule } from '@callwire/egress';
import { EdgeModule } from '../edge/edge.module';
import { CarriersController } from './carriers.controller';
import { CarriersRepository } from './carriers.repository';
import { CarriersService } from './carriers.service';

@Module({
  imports: [EdgeModule, EgressModule],
  controllers: [CarriersController],
  providers: [CarriersRepository, CarriersService],
  // Phone numbers and outbound routes name a carrier of their account.
  exports: [CarriersRepository],
})
export class CarriersModule {}
