import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApiKeyAuthenticator } from './api-key-authenticator.service';
import { BearerStrategy } from './bearer.strategy';
import { SessionAuthenticator } from './session-authenticator.service';
import { SessionStrategy } from './session.strategy';

@Module({
  imports: [PassportModule, ApiKeysModule],
  providers: [ApiKeyAuthenticator, BearerStrategy, SessionAuthenticator, SessionStrategy],
  exports: [ApiKeyAuthenticator],
})
export class AuthModule {}
