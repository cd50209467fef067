import { Module } from '@nestjs/common';
import { CarriersModule } from '../carriers/carriers.module';
import { EdgeModule } from '../edge/edge.module';
import { PhoneNumbersController } from './phone-numbers.controller';
import { PhoneNumbersService } from './phone-numbers.service';

@Module({
  imports: [CarriersModule, EdgeModule],
  controllers: [PhoneNumbersController],
  providers: [PhoneNumbersService],
})
export class PhoneNumbersModule {}
