import 'reflect-metadata';
import type { Provider, Type } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Principal } from '@callwire/auth';
import { ApiKeyAuthenticator } from '../../apps/api/src/auth/api-key-authenticator.service';
import { BearerStrategy } from '../../apps/api/src/auth/bearer.strategy';
import { SessionAuthenticator } from '../../apps/api/src/auth/session-authenticator.service';
import { SessionStrategy } from '../../apps/api/src/auth/session.strategy';
import { HTTP_APP_OPTIONS, applyHttpConventions } from '../../apps/api/src/bootstrap';
import { PrincipalLimits } from '../../apps/api/src/rate-limits/principal-limits';

/** Bearer tokens the fake authenticator knows. */
export const TEST_KEYS = { admin: 'test-admin-key', account: 'test-account-key' } as const;
export const TEST_ACCOUNT_ID = '01890000-0000-7000-8000-0000000000aa';

const principals: Record<string, Principal> = {
  [TEST_KEYS.admin]: { kind: 'admin' },
  [TEST_KEYS.account]: { kind: 'account', accountId: TEST_ACCOUNT_ID, apiKeyId: 'key-1' },
};

/** Dashboard session cookies the fake session authenticator knows (CSRF is checked by the real one only). */
export const TEST_SESSIONS = { admin: 'test-admin-session', account: 'test-account-session' } as const;

const sessions: Record<string, Principal> = {
  [TEST_SESSIONS.admin]: { kind: 'admin', sessionId: 'session-admin' },
  [TEST_SESSIONS.account]: { kind: 'account', accountId: TEST_ACCOUNT_ID, apiKeyId: 'key-1', sessionId: 'session-1' },
};

/**
 * A controller with the real guards, validation and error format, but its service replaced: controller
 * specs check auth and validation without a database.
 */
export async function createControllerApp(controller: Type, providers: Provider[]): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [PassportModule],
    controllers: [controller],
    providers: [
      BearerStrategy,
      { provide: ApiKeyAuthenticator, useValue: { authenticate: async (token: string) => principals[token] ?? null } },
      SessionStrategy,
      {
        provide: SessionAuthenticator,
        useValue: { authenticate: async ({ token }: { token: string }) => sessions[token] ?? null },
      },
      // Rate limits need Redis: they are tested end to end (rate-limits.e2e-spec.ts), not per controller.
      { provide: PrincipalLimits, useValue: { check: async () => undefined } },
      ...providers,
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    logger: false,
    ...HTTP_APP_OPTIONS,
  });
  applyHttpConventions(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
