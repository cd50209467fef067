import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ClientTokensModule } from '../client-tokens/client-tokens.module';
import { EdgeModule } from '../edge/edge.module';
import { SipUsersController } from './sip-users.controller';
import { SipUsersRepository } from './sip-users.repository';
import { SipUsersService } from './sip-users.service';

@Module({
  imports: [AccountsModule, EdgeModule, ClientTokensModule],
  controllers: [SipUsersController],
  providers: [SipUsersRepository, SipUsersService],
})
export class SipUsersModule {}
