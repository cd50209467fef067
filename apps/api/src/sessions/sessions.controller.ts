import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '@callwire/auth';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { SessionGuard } from '../auth/auth.guards';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie } from '../auth/session-cookie';
import { SessionDto, SignInDto, SwitchAccountDto } from './dto/session.dto';
import { SessionsService } from './sessions.service';

/** The principal of a SessionGuard route always carries its session id. */
function sessionOf(principal: Principal): string {
  if (!principal.sessionId) throw new Error('SessionGuard let a request without a session through');
  return principal.sessionId;
}

@ApiTags('Dashboard session')
@Controller('session')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @ApiOperation({ summary: `Sign in with an API key: sets the HttpOnly, SameSite=Strict ${SESSION_COOKIE} cookie.` })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'Unknown, revoked or expired key.' })
  async signIn(
    @Body() body: SignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const opened = await this.sessions.signIn(body.apiKey);
    setSessionCookie(request, reply, opened.token, opened.expiresAt);
    return opened.session;
  }

  @Get()
  @UseGuards(SessionGuard)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'Not signed in, or the session has expired.' })
  describe(@CurrentPrincipal() principal: Principal): Promise<SessionDto> {
    return this.sessions.describe(sessionOf(principal));
  }

  @Patch()
  @UseGuards(SessionGuard)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'Admin sessions: switch into an account, or leave it (null).' })
  @ApiOkResponse({ type: SessionDto })
  @ApiForbiddenResponse({ description: 'Not an admin session, or no X-CSRF-Token.' })
  @ApiNotFoundResponse({ description: 'No such account.' })
  switchAccount(@CurrentPrincipal() principal: Principal, @Body() body: SwitchAccountDto): Promise<SessionDto> {
    return this.sessions.switchAccount(sessionOf(principal), principal.kind, body.accountId);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @UseGuards(SessionGuard)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiNoContentResponse({ description: 'Signed out: the session is deleted and the cookie cleared.' })
  async signOut(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.signOut(sessionOf(principal));
    clearSessionCookie(reply);
  }
}
