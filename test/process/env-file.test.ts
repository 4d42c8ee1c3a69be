import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadEnvFile } from '../../src/config/env-file.js';
import { findFreePort } from '../../src/redis/embedded-redis.js';
import { bareEnvironment, runService, type ServiceProcess } from '../support/service-process.js';
import { startTestApp, TEST_TWILIO_AUTH_TOKEN, type TestApp } from '../support/test-app.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';

const run = promisify(execFile);

/** A working directory whose `.env` is `.env.example` as shipped, then these lines. */
function directoryWithEnvFile(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'survey-dotenv-'));
  writeFileSync(join(dir, '.env'), `${readFileSync('.env.example', 'utf8')}\n${lines.join('\n')}\n`);
  return dir;
}

describe('.env', { timeout: 90_000 }, () => {
  const dirs: string[] = [];
  let service: ServiceProcess | undefined;
  let redis: TestRedis | undefined;
  let app: TestApp | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
    await redis?.cleanup();
    redis = undefined;
    await app?.close();
    app = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('when the working directory has a .env asking for two workers, then the workers serve with its settings and a variable in the environment wins over the file', async () => {
    redis = await createTestRedis();
    const dir = directoryWithEnvFile(['WEB_CONCURRENCY=2', 'BUSINESS_NAME=Dotenv Telecom', 'ADMIN_TOKEN=admin-token-from-the-file', 'REDIS_URL=redis://127.0.0.1:1']);
    dirs.push(dir);
    const port = await findFreePort();
    service = runService(bareEnvironment({ PORT: String(port), REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.prefix, ADMIN_TOKEN: 'admin-token-from-the-environment' }), { cwd: dir });
    await service.waitFor('Survey agent listening');

    expect(service.stdout()).toContain('HTTP workers:      2 processes (WEB_CONCURRENCY)');
    expect(service.stdout()).not.toContain('generated for this run only');
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toContain('<title>Dotenv Telecom – customer survey</title>');
    const summary = (token: string) => fetch(`http://127.0.0.1:${port}/api/review/summary`, { headers: { authorization: `Bearer ${token}` } });
    expect((await summary('admin-token-from-the-environment')).status).toBe(200);
    expect((await summary('admin-token-from-the-file')).status).toBe(401);
  });

  it('when the CLIs run in a directory with a .env, then the supervisor CLI uses its Redis and twilio-request signs with its token for its PUBLIC_URL', async () => {
    app = await startTestApp();
    const dir = directoryWithEnvFile([`REDIS_URL=${app.redis.url}`, `REDIS_KEY_PREFIX=${app.redis.prefix}`, `TWILIO_AUTH_TOKEN=${TEST_TWILIO_AUTH_TOKEN}`, `PUBLIC_URL=${app.baseUrl}`]);
    dirs.push(dir);
    const cli = (script: string, args: string[]) => run(process.execPath, [resolve('dist/src/cli', script), ...args], { cwd: dir, env: bareEnvironment(), encoding: 'utf8' });

    const added = cli('supervisor.js', ['add', 'dora']);
    added.child.stdin?.end('correct horse battery\n');
    expect((await added).stdout).toBe('created supervisor dora\n');
    expect(await app.services.review.accounts.list()).toEqual(['dora']);

    const call = await cli('twilio-request.js', ['/voice/incoming', 'CallSid=CA0123456789abcdef0123456789abcdef', 'From=+15551230001', 'To=+15550001111']);
    expect(call.stdout).toMatch(/^HTTP 200\n/);
    expect(call.stdout).toContain('<Gather');
  });

  it('when there is no .env, then nothing is read; when .env cannot be read, then start-up stops with a line naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'survey-dotenv-'));
    dirs.push(dir);
    expect(loadEnvFile(join(dir, '.env'))).toBe(false);
    mkdirSync(join(dir, '.env'));
    expect(() => loadEnvFile(join(dir, '.env'))).toThrow(ConfigError);
    expect(() => loadEnvFile(join(dir, '.env'))).toThrow(`${join(dir, '.env')}: cannot be read`);
  });
});
