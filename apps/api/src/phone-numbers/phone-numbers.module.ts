import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { CarriersModule } from '../carriers/carriers.module';
import { PhoneNumbersController } from './phone-numbers.controller';
import { PhoneNumbersRepository } from './phone-numbers.repository';
import { PhoneNumbersService } from './phone-numbers.service';

@Module({
  imports: [CarriersModule, ApplicationsModule],
  controllers: [PhoneNumbersController],
  providers: [PhoneNumbersRepository, PhoneNumbersService],
})
export class PhoneNumbersModule {}
