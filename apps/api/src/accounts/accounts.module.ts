import { Module } from '@nestjs/common';
import { EdgeModule } from '../edge/edge.module';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';

@Module({
  imports: [EdgeModule],
  controllers: [AccountsController],
  providers: [AccountsRepository, AccountsService],
  // Account-scoped resources need the account's SIP domain.
  exports: [AccountsRepository],
})
export class AccountsModule {}
