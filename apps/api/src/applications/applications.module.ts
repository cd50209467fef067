import { Module } from '@nestjs/common';
import { EgressModule } from '@callwire/egress';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';

@Module({
  imports: [EgressModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsRepository, ApplicationsService],
  // Phone numbers may be routed to an application of their account.
  exports: [ApplicationsRepository],
})
export class ApplicationsModule {}
