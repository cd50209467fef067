import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApiKeyAuthenticator } from './api-key-authenticator.service';
import { BearerStrategy } from './bearer.strategy';

@Module({
  imports: [PassportModule, ApiKeysModule],
  providers: [ApiKeyAuthenticator, BearerStrategy],
})
export class AuthModule {}
