import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Opens a raw connection, sends `first`, and resolves with everything the server sent once it closes the socket. */
async function holdOpen(app: TestApp, first: string, sockets: Socket[]): Promise<{ answer: string; ms: number }> {
  const { hostname, port } = new URL(app.baseUrl);
  const started = Date.now();
  const socket = connect(Number(port), hostname);
  sockets.push(socket);
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
  socket.write(first);
  await new Promise<void>((closed) => {
    socket.on('close', () => closed());
    socket.on('error', () => closed());
  });
  return { answer, ms: Date.now() - started };
}

describe('slow clients', () => {
  let app: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    app = await startTestApp({ HTTP_REQUEST_TIMEOUT_SECONDS: '10' });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await app?.close();
  });

  it('when a client sends its headers slowly and a body that never ends, then each is cut off with 408 once the request timeout passes, not minutes later', async () => {
    const [slowHeaders, endlessBody] = await Promise.all([
      holdOpen(app, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ', sockets),
      holdOpen(app, 'POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"type":', sockets),
    ]);
    for (const cut of [slowHeaders, endlessBody]) {
      expect(cut.answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(cut.ms).toBeGreaterThanOrEqual(9_000);
      expect(cut.ms).toBeLessThan(14_000);
    }
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  }, 30_000);
});
