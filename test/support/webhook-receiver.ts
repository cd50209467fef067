import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly json: { id: string; type: string; createdAt: string; accountId: string; data: Record<string, unknown> };
}

/** A local HTTP endpoint that records every webhook POSTed to it and answers 204. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];

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
        receiver.received.push({ headers, body, json: JSON.parse(body) as ReceivedWebhook['json'] });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  /** Waits until `predicate` holds for the received webhooks (5 s at most); returns them. */
  async waitFor(predicate: (received: ReceivedWebhook[]) => boolean, timeoutMs = 5000): Promise<ReceivedWebhook[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.received) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    return this.received;
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}
