import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AccountsModule } from '../accounts/accounts.module';
import { AccountRequestLimits } from './account-request-limits';
import { PrincipalLimitsInterceptor } from './principal-limits.interceptor';
import { RateLimitStore } from './rate-limit.store';
import { SourceLimits } from './source-limits';
import { SourceLimitsHooks } from './source-limits.hooks';

/**
 * API rate limits shared through Redis: per source address (and its block after failed authentications), per
 * key or session, per account. Refusals are 429 problems with Retry-After and the RateLimit fields.
 */
@Module({
  imports: [AccountsModule],
  providers: [
    RateLimitStore,
    AccountRequestLimits,
    SourceLimits,
    SourceLimitsHooks,
    { provide: APP_INTERCEPTOR, useClass: PrincipalLimitsInterceptor },
  ],
})
export class RateLimitsModule {}
