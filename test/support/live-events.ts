import { eventually } from './eventually';

/** Reads GET /v1/live (server-sent events) like a browser's EventSource does, and keeps the named events. */
export class LiveEventsClient {
  readonly events: { type: string; data: Record<string, unknown> }[] = [];
  private readonly controller = new AbortController();

  private constructor() {}

  static async open(baseUrl: string, key: string): Promise<LiveEventsClient> {
    const client = new LiveEventsClient();
    const response = await fetch(`${baseUrl}/v1/live`, {
      headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
      signal: client.controller.signal,
    });
    if (response.status !== 200 || !response.body) throw new Error(`GET /v1/live: ${response.status}`);
    void client.read(response.body.getReader());
    return client;
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (type && data) this.events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    } catch {
      // closed by close()
    }
  }

  /** Resolves once an event of this type has arrived (or rejects after `timeoutMs`). */
  async waitFor(type: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    return eventually(
      () => {
        const event = this.events.find((candidate) => candidate.type === type);
        if (!event) throw new Error(`events so far: ${JSON.stringify(this.events)}`);
        return event.data;
      },
      { timeoutMs, intervalMs: 25, description: `a ${type} event` },
    );
  }

  clear(): void {
    this.events.length = 0;
  }

  close(): void {
    this.controller.abort();
  }
}
