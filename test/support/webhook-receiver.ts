import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  /** The request path (e.g. /voice, /fallback). */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly json: { id: string; type: string; createdAt: string; accountId: string; data: Record<string, unknown> };
}

/** How the receiver answers a request: a status, a body, after a delay (an application's voiceUrl answers). */
export interface ReceiverAnswer {
  readonly status: number;
  readonly body?: string;
  readonly delayMs?: number;
}

/** A local HTTP endpoint that records every webhook POSTed to it and answers 204 (or as `answer` says). */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Set by a test to answer like an application would; by path. */
  answer: (path: string) => ReceiverAnswer = () => ({ status: 204 });

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    const receiver = new WebhookReceiver(server);
    server.on('request', (request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
        );
        const path = request.url ?? '/';
        receiver.received.push({ path, headers, body, json: JSON.parse(body) as ReceivedWebhook['json'] });
        const { status, body: answer, delayMs = 0 } = receiver.answer(path);
        setTimeout(() => {
          if (response.destroyed) return;
          response.writeHead(status, answer ? { 'content-type': 'application/json' } : {}).end(answer);
        }, delayMs);
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return receiver;
  }

  get url(): string {
    return this.urlOf('/hooks');
  }

  urlOf(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** Waits until `predicate` holds for the received webhooks (5 s at most); returns them. */
  async waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs = 5000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    return this.received;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }
}
