import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/redis/embedded-redis.js';
import { runMarker } from '../support/child-processes.js';
import { bareEnvironment, runService, type ServiceProcess } from '../support/service-process.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('starting the service', { timeout: 90_000 }, () => {
  let service: ServiceProcess | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('when started with no configuration, then it runs a private Redis with AOF, prints the URLs and a one-time admin token, and stops Redis on exit', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'survey-data-'));
    dirs.push(dataDir);
    const port = await findFreePort();
    service = runService(bareEnvironment({ PORT: String(port), REDIS_DATA_DIR: dataDir }));
    await service.waitFor('ADMIN_TOKEN');
    const out = service.stdout();
    expect(out).toContain(`Survey agent listening on http://localhost:${port} (development mode)`);
    expect(out).toContain(`Web chat:          http://localhost:${port}/`);
    expect(out).toContain('answering 403 until TWILIO_AUTH_TOKEN is set');
    expect(out).toContain('Web chat links:    unsigned: customer ids, agents and campaigns from pages are not trusted (set WEBCHAT_SIGNING_SECRET)');
    expect(out.split('WEBCHAT_SIGNING_SECRET is not set: every customer id').length - 1).toBe(1);
    const token = /ADMIN_TOKEN \(generated for this run only\): (\S+)/.exec(out)?.[1] ?? '';
    const redisPid = Number((await import('node:fs')).readFileSync(join(dataDir, 'redis.pid'), 'utf8'));

    const unauthorised = await fetch(`http://127.0.0.1:${port}/api/review/summary`);
    expect(unauthorised.status).toBe(401);
    const authorised = await fetch(`http://127.0.0.1:${port}/api/review/summary`, { headers: { authorization: `Bearer ${token}` } });
    expect(authorised.status).toBe(200);
    const voice = await fetch(`http://127.0.0.1:${port}/voice/incoming`, { method: 'POST', body: new URLSearchParams({ CallSid: 'CA0123456789abcdef0123456789abcdef' }) });
    expect(voice.status).toBe(403);

    expect(await service.stop('SIGTERM')).toBe(0);
    expect(isAlive(redisPid)).toBe(false);
    expect((await import('node:fs')).existsSync(join(dataDir, 'appendonlydir'))).toBe(true);
  });

  it('when a second instance is started on the same data directory or port, then it exits with one line and the first keeps serving', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'survey-data-'));
    dirs.push(dataDir);
    const [port, otherPort] = [await findFreePort(), await findFreePort()];
    service = runService(bareEnvironment({ PORT: String(port), REDIS_DATA_DIR: dataDir, ADMIN_TOKEN: 'first-instance-token-123' }));
    await service.waitFor('private redis-server on port');
    const summary = () => fetch(`http://127.0.0.1:${port}/api/review/summary`, { headers: { authorization: 'Bearer first-instance-token-123' } });
    expect((await summary()).status).toBe(200);

    const samePort = runService(bareEnvironment({ PORT: String(port), REDIS_DATA_DIR: join(dataDir, 'other') }));
    expect(await samePort.exited).toBe(1);
    expect(samePort.stderr().trim().split('\n')).toEqual([`Cannot listen on port ${port}: it is in use (another instance?). Stop it or set PORT.`]);

    const sameData = runService(bareEnvironment({ PORT: String(otherPort), REDIS_DATA_DIR: dataDir }));
    expect(await sameData.exited).toBe(1);
    const lines = sameData.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/is in use by another running instance \(process \d+\).*REDIS_DATA_DIR or a REDIS_URL/);
    expect((await summary()).status).toBe(200);
  });

  it('when the supervisor CLI runs beside a started service, then it uses that service\'s private Redis and the service keeps serving', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'survey-data-'));
    dirs.push(dataDir);
    const port = await findFreePort();
    service = runService(bareEnvironment({ PORT: String(port), REDIS_DATA_DIR: dataDir, ADMIN_TOKEN: 'first-instance-token-123' }));
    await service.waitFor('private redis-server on port');
    const cli = (args: string[], input = '') =>
      execFileSync(process.execPath, [resolve('dist/src/cli/supervisor.js'), ...args], { cwd: dataDir, env: bareEnvironment({ REDIS_DATA_DIR: dataDir }), input, encoding: 'utf8' });
    expect(cli(['add', 'alice'], 'correct horse battery\n')).toBe('created supervisor alice\n');
    expect(cli(['list'])).toBe('alice\n');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('when started with WEB_CONCURRENCY=2, then two worker processes serve one port with the run\'s admin token, a crashed worker is replaced, and SIGTERM stops the workers and Redis', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'survey-data-'));
    dirs.push(dataDir);
    const port = await findFreePort();
    service = runService(bareEnvironment({ PORT: String(port), REDIS_DATA_DIR: dataDir, WEB_CONCURRENCY: '2' }));
    await service.waitFor('ADMIN_TOKEN');
    const out = service.stdout();
    expect(out).toContain('HTTP workers:      2 processes (WEB_CONCURRENCY)');
    const workerPids = [...out.matchAll(/"pid":(\d+),"msg":"listening"/g)].map((match) => Number(match[1]));
    expect(new Set(workerPids).size).toBe(2);
    expect(workerPids).not.toContain(service.child.pid);
    const token = /ADMIN_TOKEN \(generated for this run only\): (\S+)/.exec(out)?.[1] ?? '';
    const redisPid = Number((await import('node:fs')).readFileSync(join(dataDir, 'redis.pid'), 'utf8'));

    const chat = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'test', from: { id: 'u1' }, recipient: { id: 'bot' }, conversation: { id: 'cluster-chat' }, text: '9', deliveryMode: 'expectReplies' }),
    });
    expect(((await chat.json()) as { activities: Array<{ text: string }> }).activities[0]?.text).toBe('Thank you: 9 out of 10.');
    const summary = async () => (await fetch(`http://127.0.0.1:${port}/api/review/summary`, { headers: { authorization: `Bearer ${token}` } })).json() as Promise<{ total: number; promoters: number }>;
    expect(await summary()).toMatchObject({ total: 1, promoters: 1 });

    // A worker that crashes after its first seconds is replaced; one that crashes at once would only crash again.
    await new Promise((resolveWait) => setTimeout(resolveWait, 5_200));
    process.kill(workerPids[0] ?? 0, 'SIGKILL');
    await service.waitFor('HTTP worker replaced');
    expect(await summary()).toMatchObject({ total: 1, promoters: 1 });

    expect(await service.stop('SIGTERM')).toBe(0);
    const replacement = Number(/"pid":(\d+),"msg":"HTTP worker replaced"/.exec(service.stdout())?.[1]);
    for (const pid of [workerPids[1] ?? 0, replacement, redisPid]) expect(isAlive(pid)).toBe(false);
  });

  it('when redis-server is not installed and REDIS_URL is unset, then it exits non-zero with one line saying what to do', async () => {
    // Its own free port: the default 3978 may be taken (by the developer's own `npm start`), which it checks first.
    service = runService({ PATH: '/nonexistent', HOME: tmpdir(), PORT: String(await findFreePort()), REDIS_DATA_DIR: join(tmpdir(), 'unused-redis-dir'), ...runMarker() });
    expect(await service.exited).not.toBe(0);
    const lines = service.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/redis-server was not found.*apt-get install redis-server.*REDIS_URL/);
  });

  it('when NODE_ENV=production lacks its secrets, then it refuses to start and names each one', async () => {
    service = runService(bareEnvironment({ NODE_ENV: 'production', PUBLIC_URL: 'http://insecure.example' }));
    expect(await service.exited).toBe(1);
    const err = service.stderr();
    for (const name of ['TWILIO_AUTH_TOKEN', 'ADMIN_TOKEN', 'PUBLIC_URL: must be an https URL', 'MicrosoftAppId', 'MicrosoftAppPassword']) expect(err).toContain(name);
  });
});
