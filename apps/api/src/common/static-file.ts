import type { Stats } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A built file the API serves as is (the browser SDK, the demo phone, the dashboard). */
export interface StaticFile {
  readonly contentType: string;
  readonly etag: string;
  read(): Promise<Buffer>;
}

/** Changes whenever the file is rebuilt (size and modification time), so a 304 needs no read. */
export function fileEtag(stats: Stats): string {
  return `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`;
}

/** The file's body, or nothing with 304 when the browser already has this version. */
export async function sendStaticFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StaticFile,
  cacheControl: string,
): Promise<Buffer | undefined> {
  void reply
    .type(file.contentType)
    .header('cache-control', cacheControl)
    .header('etag', file.etag)
    .header('x-content-type-options', 'nosniff');
  if (request.headers['if-none-match'] === file.etag) {
    void reply.status(304);
    return undefined;
  }
  return file.read();
}
