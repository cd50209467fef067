import { Module } from '@nestjs/common';
import { EdgeModule } from '../edge/edge.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';

@Module({
  imports: [EdgeModule],
  controllers: [AccountsController],
  providers: [AccountsService],
})
export class AccountsModule {}
