import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { EdgeModule } from '../edge/edge.module';
import { ClientTokensController } from './client-tokens.controller';
import { ClientTokensRepository } from './client-tokens.repository';
import { ClientTokenService } from './client-tokens.service';

@Module({
  imports: [AccountsModule, EdgeModule],
  controllers: [ClientTokensController],
  providers: [ClientTokensRepository, ClientTokenService],
  exports: [ClientTokenService],
})
export class ClientTokensModule {}
