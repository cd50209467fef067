import { Module } from '@nestjs/common';
import { ClientTokensModule } from '../client-tokens/client-tokens.module';
import { EdgeModule } from '../edge/edge.module';
import { SipUsersController } from './sip-users.controller';
import { SipUsersService } from './sip-users.service';

@Module({
  imports: [EdgeModule, ClientTokensModule],
  controllers: [SipUsersController],
  providers: [SipUsersService],
})
export class SipUsersModule {}
