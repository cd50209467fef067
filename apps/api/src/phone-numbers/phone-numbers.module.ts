import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { CarriersModule } from '../carriers/carriers.module';
import { EdgeModule } from '../edge/edge.module';
import { PhoneNumbersController } from './phone-numbers.controller';
import { PhoneNumbersService } from './phone-numbers.service';

@Module({
  imports: [CarriersModule, ApplicationsModule, EdgeModule],
  controllers: [PhoneNumbersController],
  providers: [PhoneNumbersService],
})
export class PhoneNumbersModule {}
