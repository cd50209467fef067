import { Module } from '@nestjs/common';
import { EdgeModule } from '../edge/edge.module';
import { ClientTokensController } from './client-tokens.controller';
import { ClientTokenService } from './client-tokens.service';

@Module({
  imports: [EdgeModule],
  controllers: [ClientTokensController],
  providers: [ClientTokenService],
  exports: [ClientTokenService],
})
export class ClientTokensModule {}
