import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from './eventually';

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body, exactly as signed. */
  readonly body: string;
  readonly receivedAt: number;
}

/** Answers one request: a status code, or 'hang' to never answer (the sender times out). */
export type Responder = (request: RecordedRequest, seen: number) => number | 'hang' | Promise<number | 'hang'>;

/**
 * A webhook receiver on 127.0.0.1 for delivery tests: records every request on arrival and answers with
 * the responder of its path (200 by default). `seen` counts earlier requests to the path with the same
 * webhook-id, i.e. the attempt number minus one.
 */
export class RecordingReceiver {
  readonly received: RecordedRequest[] = [];
  private readonly responders = new Map<string, Responder>();
  private server: Server | undefined;
  private baseUrl = '';

  static async start(port = 0): Promise<RecordingReceiver> {
    const receiver = new RecordingReceiver();
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        void receiver.handle(request.url ?? '/', request.headers, body).then((status) => {
          if (status !== 'hang') response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    receiver.server = server;
    receiver.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return receiver;
  }

  urlOf(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  respond(path: string, responder: Responder): void {
    this.responders.set(path, responder);
  }

  at(path: string): RecordedRequest[] {
    return this.received.filter((request) => request.path === path);
  }

  /** Requests to `path` with this webhook-id. */
  of(path: string, webhookId: string): RecordedRequest[] {
    return this.at(path).filter((request) => request.headers['webhook-id'] === webhookId);
  }

  async waitFor(check: () => boolean, timeoutMs = 10_000, what = 'webhooks'): Promise<void> {
    await eventually(check, { timeoutMs, intervalMs: 20, description: what });
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    const server = this.server;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(path: string, headers: IncomingHttpHeaders, body: string): Promise<number | 'hang'> {
    const request = { path, headers, body, receivedAt: Date.now() };
    const seen = this.of(path, String(headers['webhook-id'])).length;
    this.received.push(request);
    const responder = this.responders.get(path);
    return responder ? responder(request, seen) : 200;
  }
}
