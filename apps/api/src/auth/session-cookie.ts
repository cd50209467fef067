import type { FastifyReply, FastifyRequest } from 'fastify';

/** The dashboard's session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (no cross-site sends). */
export const SESSION_COOKIE = 'callwire_session';

/** State-changing requests authenticated by the cookie must echo the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-csrf-token';

export function readSessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] || undefined;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    // Browsers drop Secure cookies on plain http:// (the default `npm run up` on localhost): set it when TLS is on.
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
}
