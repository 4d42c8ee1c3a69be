import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, ROOT } from '../cli/run-cli.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { FormClient, signIn } from './support/browserless-client.js';

function runSupervisorCli(app: TestApp, args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = buildOnce('supervisor.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', REDIS_URL: app.redis.url, REDIS_KEY_PREFIX: app.redis.prefix, ADMIN_TOKEN: TEST_ADMIN_TOKEN },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('supervisor sign-in', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    const created = await runSupervisorCli(app, ['add', 'alice'], 'correct horse battery\n');
    expect(created).toMatchObject({ code: 0, stdout: 'created supervisor alice\n' });
  }, 120_000);
  afterAll(async () => app?.close());

  it('when the CLI is asked for a weak password or a taken name, then it refuses and says why', async () => {
    expect(await runSupervisorCli(app, ['add', 'bob'], 'short\n')).toMatchObject({ code: 1, stderr: expect.stringContaining('password must be at least 12 characters') });
    expect(await runSupervisorCli(app, ['add', 'alice'], 'another long password\n')).toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
    expect((await runSupervisorCli(app, ['list'], '')).stdout).toBe('alice\n');
    const stored = await app.redis.redis.hget(app.services.keys.supervisor('alice'), 'passwordHash');
    expect(stored).toMatch(/^\$2[aby]\$12\$/);
  });

  it('when a signed-out browser opens /review, then it is sent to the sign-in form; a script gets 401', async () => {
    const browserLike = await fetch(`${app.baseUrl}/review?channel=voice`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browserLike.status).toBe(303);
    expect(browserLike.headers.get('location')).toBe('/review/sign-in?next=%2Freview%3Fchannel%3Dvoice');
    const script = await fetch(`${app.baseUrl}/review`, { headers: { accept: 'application/json' } });
    expect(script.status).toBe(401);
    const bearer = await fetch(`${app.baseUrl}/review`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(bearer.status).toBe(200);
    expect(bearer.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('when alice signs in with her password, then she gets an HttpOnly SameSite session cookie that opens the pages and the read API', async () => {
    const client = new FormClient(app.baseUrl);
    const reply = await signIn(client, 'alice', 'correct horse battery');
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe('/review');
    const setCookie = reply.headers.getSetCookie().find((line) => line.startsWith('review_session='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const page = await client.get('/review');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Signed in as <strong>alice</strong>');
    expect((await client.get('/api/review/summary')).status).toBe(200);
  });

  it('when a session writes to the API without its X-CSRF-Token, then it gets 403', async () => {
    const client = new FormClient(app.baseUrl);
    await signIn(client, 'alice', 'correct horse battery');
    const refused = await client.post('/api/review/erasure', {}, { 'content-type': 'application/json' });
    expect(refused.status).toBe(403);
  });

  it('when the ADMIN_TOKEN is used as the password, then the session is the admin', async () => {
    const client = new FormClient(app.baseUrl);
    expect((await signIn(client, 'anyone', TEST_ADMIN_TOKEN)).status).toBe(303);
    expect(await (await client.get('/review')).text()).toContain('Signed in as <strong>admin</strong>');
  });

  it('when the sign-in form is posted without its token, then it is refused with 403 and no session is made', async () => {
    const client = new FormClient(app.baseUrl);
    await client.get('/review/sign-in');
    const reply = await client.post('/review/sign-in', { username: 'alice', password: 'correct horse battery', next: '/review' });
    expect(reply.status).toBe(403);
    expect(client.cookies.has('review_session')).toBe(false);
  });

  it('when the next address points off-site, then sign-in still lands on /review', async () => {
    const client = new FormClient(app.baseUrl);
    const form = await (await client.get('/review/sign-in?next=https://evil.example')).text();
    const reply = await client.post('/review/sign-in', { _csrf: FormClient.hidden(form, '_csrf'), next: '//evil.example/review', username: 'alice', password: 'correct horse battery' });
    expect(reply.headers.get('location')).toBe('/review');
  });

  it('when a password is wrong five times, then the sixth try is 429 with Retry-After, even with the right password', async () => {
    const client = new FormClient(app.baseUrl);
    await runSupervisorCli(app, ['add', 'carol'], 'carol has a long password\n');
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await signIn(client, 'carol', `wrong password ${attempt}`)).status).toBe(401);
    const blocked = await signIn(client, 'carol', 'carol has a long password');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(client.cookies.has('review_session')).toBe(false);
  }, 60_000);

  it('when alice signs out, then her cookie no longer opens anything', async () => {
    const client = new FormClient(app.baseUrl);
    await signIn(client, 'alice', 'correct horse battery');
    const cookie = client.cookies.get('review_session') as string;
    const page = await (await client.get('/review')).text();
    const out = await client.post('/review/sign-out', { _csrf: FormClient.hidden(page, '_csrf') });
    expect(out.status).toBe(303);
    const replayed = await fetch(`${app.baseUrl}/api/review/summary`, { headers: { cookie: `review_session=${cookie}` } });
    expect(replayed.status).toBe(401);
  });

  it('when the password is changed, then sessions started before it end', async () => {
    const client = new FormClient(app.baseUrl);
    await runSupervisorCli(app, ['add', 'dave'], 'dave first password\n');
    await signIn(client, 'dave', 'dave first password');
    expect((await client.get('/api/review/summary')).status).toBe(200);
    expect(await runSupervisorCli(app, ['password', 'dave'], 'dave second password\n')).toMatchObject({ code: 0 });
    expect((await client.get('/api/review/summary')).status).toBe(401);
  });
});
