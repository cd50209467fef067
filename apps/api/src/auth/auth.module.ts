import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { ApiKeyAuthenticator } from './api-key-authenticator.service';
import { BearerStrategy } from './bearer.strategy';
import { DashboardSessionsRepository } from './dashboard-sessions.repository';
import { SessionAuthenticator } from './session-authenticator.service';
import { SessionStrategy } from './session.strategy';

@Module({
  imports: [PassportModule, ApiKeysModule],
  providers: [ApiKeyAuthenticator, BearerStrategy, DashboardSessionsRepository, SessionAuthenticator, SessionStrategy],
  exports: [ApiKeyAuthenticator, DashboardSessionsRepository],
})
export class AuthModule {}
