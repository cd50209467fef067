import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundProblemException } from '../common/problem';
import { sendStaticFile } from '../common/static-file';
import { DashboardAssets } from './dashboard-assets';

/**
 * Public, outside /v1 (bootstrap.ts): the dashboard's files. It signs in and reads everything through /v1. The
 * site's root sends people to it.
 */
export const DASHBOARD_ROUTES = { home: '/', root: 'dashboard', files: 'dashboard/*' } as const;

/** The app loads only its own files and talks only to this origin (REST + server-sent events). */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

@ApiExcludeController()
@Controller()
export class DashboardController {
  constructor(private readonly assets: DashboardAssets) {}

  @Get(DASHBOARD_ROUTES.home)
  home(@Res() reply: FastifyReply): void {
    void reply.redirect('/dashboard/', 302);
  }

  @Get(DASHBOARD_ROUTES.root)
  root(@Res() reply: FastifyReply): void {
    void reply.redirect('/dashboard/', 302);
  }

  @Get(DASHBOARD_ROUTES.files)
  async file(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    const file = await this.assets.find(request.url.split('?')[0].slice(`/${DASHBOARD_ROUTES.root}/`.length));
    if (!file) throw new NotFoundProblemException('File');
    if (file.isEntry) {
      void reply.header('content-security-policy', DASHBOARD_CSP).header('referrer-policy', 'same-origin');
    }
    return sendStaticFile(request, reply, file, file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  }
}
