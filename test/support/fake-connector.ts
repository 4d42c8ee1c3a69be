import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeConnector {
  url: string;
  /** Every activity the bot posted, in order. */
  received: Array<{ path: string; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** A stand-in for a Bot Framework channel's connector service: accepts replies and records them. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const received: FakeConnector['received'] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: body ? (JSON.parse(body) as Record<string, unknown>) : {} });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `r${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
