import { type ExecutionContext, UseGuards, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type Principal, actingAccountId } from '@callwire/auth';
import { AccountGuard, AdminGuard } from './auth.guards';

export const ADMIN_SECURITY = 'adminKey';
export const ACCOUNT_SECURITY = 'accountKey';

export function AdminAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(AdminGuard),
    ApiBearerAuth(ADMIN_SECURITY),
    ApiUnauthorizedResponse({ description: 'Missing or invalid key.' }),
    ApiForbiddenResponse({ description: 'Not the admin key.' }),
  );
}

export function AccountAuth(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(AccountGuard),
    ApiBearerAuth(ACCOUNT_SECURITY),
    ApiUnauthorizedResponse({ description: 'Missing, invalid, revoked or expired key.' }),
    ApiForbiddenResponse({ description: 'Not an account key.' }),
  );
}

/** The account the request acts on (use with AccountAuth, whose guard makes sure there is one). */
export const CurrentAccountId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<{ user: Principal }>();
  const accountId = actingAccountId(request.user);
  if (!accountId) throw new Error('CurrentAccountId used on a route without AccountAuth');
  return accountId;
});

/** The authenticated principal (API key or dashboard session). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ user: Principal }>().user,
);
