import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendStaticFile } from '../common/static-file';
import { BrowserAssets } from './browser-assets.service';

/** Public, at fixed URLs outside /v1 (bootstrap.ts excludes them from the prefix): browsers load them directly. */
export const BROWSER_ROUTES = { phone: 'phone', phoneFile: 'phone/:file', sdkFile: 'sdk/:file' } as const;

/** The demo page loads only its own files and talks only to the API origin and the SIP edge's WebSocket. */
const PHONE_PAGE_CSP = [
  "default-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The browser SDK (`/sdk/callwire.js`) and the demo softphone (`/phone`), without authentication. */
@ApiExcludeController()
@Controller()
export class PhoneController {
  constructor(private readonly assets: BrowserAssets) {}

  @Get(BROWSER_ROUTES.phone)
  page(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | undefined> {
    // The page may be opened with ?token=…: keep it out of Referer headers.
    void reply.header('content-security-policy', PHONE_PAGE_CSP).header('referrer-policy', 'no-referrer');
    return this.send(BROWSER_ROUTES.phone, request, reply);
  }

  @Get(BROWSER_ROUTES.phoneFile)
  phoneFile(
    @Param('file') file: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    return this.send(`phone/${file}`, request, reply);
  }

  @Get(BROWSER_ROUTES.sdkFile)
  sdkFile(
    @Param('file') file: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | undefined> {
    // Other sites embed the SDK with <script src>: helmet's same-origin resource policy would block it.
    void reply.header('cross-origin-resource-policy', 'cross-origin');
    return this.send(`sdk/${file}`, request, reply);
  }

  /** The URLs do not change between releases, so clients revalidate every time (cheap: ETag → 304). */
  private async send(path: string, request: FastifyRequest, reply: FastifyReply): Promise<Buffer | undefined> {
    return sendStaticFile(request, reply, await this.assets.find(path), 'no-cache');
  }
}
