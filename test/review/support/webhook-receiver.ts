import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** A CRM stand-in: a real HTTP server that records every POST and answers with the next scripted status (then 200). */
export class WebhookReceiver {
  readonly received: ReceivedPost[] = [];
  private readonly statuses: number[] = [];
  private server: Server | undefined;
  url = '';

  answerNext(...statuses: number[]): void {
    this.statuses.push(...statuses);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({ headers: request.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
        response.statusCode = this.statuses.shift() ?? 200;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/crm/hook`;
    return this;
  }

  /** Resolves once `count` posts arrived (polling; fails the test after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 15_000): Promise<ReceivedPost[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} webhook posts, got ${this.received.length}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.received;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
