import { Global, Module } from '@nestjs/common';
import { AccountRequestLimits } from './account-request-limits';
import { PrincipalLimits } from './principal-limits';
import { RateLimitStore } from './rate-limit.store';
import { SourceLimits } from './source-limits';
import { SourceLimitsHooks } from './source-limits.hooks';

/**
 * API rate limits shared through Redis: per source address (and its block after failed authentications), per
 * key or session, per account. Refusals are 429 problems with Retry-After and the RateLimit fields.
 */
@Global()
@Module({
  providers: [RateLimitStore, AccountRequestLimits, SourceLimits, SourceLimitsHooks, PrincipalLimits],
  // The auth guards of every resource module count their requests.
  exports: [PrincipalLimits],
})
export class RateLimitsModule {}
