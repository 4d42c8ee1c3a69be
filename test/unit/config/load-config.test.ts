import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { environmentSchema } from '../../../src/config/schema.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { problemsOf } from './config-problems.js';

const productionReady = {
  NODE_ENV: 'production',
  TWILIO_AUTH_TOKEN: 'twilio-secret',
  ADMIN_TOKEN: 'admin-secret-0123456789',
  PUBLIC_URL: 'https://survey.example.com',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'bot-secret',
};

describe('loadConfig', () => {
  it('when there is no environment at all, then development defaults apply and an admin token is generated', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ isProduction: false, PORT: 3978, PUBLIC_URL: 'http://localhost:3978', LOG_LEVEL: 'info', adminTokenGenerated: true, botAuthDisabled: true });
    expect(config.ADMIN_TOKEN.length).toBeGreaterThanOrEqual(32);
  });

  it('when production lacks every secret, then it fails naming each missing one', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'TWILIO_AUTH_TOKEN: required in production',
      'ADMIN_TOKEN: required in production',
      'PUBLIC_URL: required in production',
      'MicrosoftAppId: required in production (Bot Framework authentication)',
      'MicrosoftAppPassword: required in production (Bot Framework authentication)',
    ]);
  });

  it('when production has an http PUBLIC_URL, then it fails on that variable', () => {
    expect(problemsOf({ ...productionReady, PUBLIC_URL: 'http://survey.example.com' })).toEqual(['PUBLIC_URL: must be an https URL in production']);
  });

  it('when production has everything, then it loads', () => {
    expect(loadConfig(productionReady)).toMatchObject({ isProduction: true, adminTokenGenerated: false, botAuthDisabled: false });
  });

  it('when variables are malformed, then each is reported by name without echoing its value', () => {
    const problems = problemsOf({ PORT: 'eighty', LOG_LEVEL: 'loud', TWILIO_FROM_NUMBER: '555-SECRET', ADMIN_TOKEN: 'short-secret', REDIS_URL: 'mysql://x' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['PORT', 'LOG_LEVEL', 'TWILIO_FROM_NUMBER', 'ADMIN_TOKEN', 'REDIS_URL']);
    expect(problems.join('\n')).not.toMatch(/SECRET|short-secret|eighty|mysql/);
  });

  it('when ALLOWED_SERVICE_URLS is set, then it replaces the public channel hosts', () => {
    expect(loadConfig({ ALLOWED_SERVICE_URLS: 'http://localhost:3979/, https://x.test/' }).ALLOWED_SERVICE_URLS).toEqual(['http://localhost:3979/', 'https://x.test/']);
  });

  it('when the new traffic settings are unset, then the defaults hold: no trusted proxy, 30 tokens a minute per address, 12-hour sessions, any country', () => {
    const config = loadConfig({});
    expect(config.ALLOWED_COUNTRIES).toBeUndefined();
    expect(config).toMatchObject({
      TRUST_PROXY: false,
      HTTP_REQUEST_TIMEOUT_SECONDS: 120,
      RATE_LIMIT_TOKENS_PER_MINUTE: 30,
      RATE_LIMIT_TOKENS_GLOBAL_PER_SECOND: 100,
      RATE_LIMIT_CHAT_PER_MINUTE: 120,
      RATE_LIMIT_PAGES_PER_MINUTE: 120,
      RATE_LIMIT_SIGN_IN_PER_MINUTE: 30,
      SESSION_MAX_HOURS: 12,
      ALERT_MAX_PER_MINUTE: 20,
      ALERT_DEDUP_MINUTES: 60,
      REVIEW_MAX_PER_SOURCE_PER_DAY: 5,
    });
  });

  it('when TRUST_PROXY is a hop count or a list of proxies, then express gets that; when it is anything else, it is refused by name without echoing it', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback, 2001:db8::/32, 192.0.2.7' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback', '2001:db8::/32', '192.0.2.7']);
    for (const bad of ['true', '0', '11', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1/8/1', ',']) {
      const problems = problemsOf({ TRUST_PROXY: bad });
      expect(problems.map((problem) => problem.split(':')[0]), bad).toEqual(['TRUST_PROXY']);
      expect(problems.join('\n')).not.toContain(`"${bad}"`);
    }
  });

  it('when ALLOWED_COUNTRIES and the limits are set, then they are read (countries upper-cased); unknown countries and zero limits are refused by name', () => {
    expect(loadConfig({ ALLOWED_COUNTRIES: 'us, ca,US' }).ALLOWED_COUNTRIES).toEqual(['US', 'CA']);
    expect(problemsOf({ ALLOWED_COUNTRIES: 'US,XX', RATE_LIMIT_TOKENS_PER_MINUTE: '0', SESSION_MAX_HOURS: '-1', HTTP_REQUEST_TIMEOUT_SECONDS: '5' }).map((problem) => problem.split(':')[0])).toEqual([
      'HTTP_REQUEST_TIMEOUT_SECONDS',
      'RATE_LIMIT_TOKENS_PER_MINUTE',
      'ALLOWED_COUNTRIES',
      'SESSION_MAX_HOURS',
    ]);
  });

  it('when the schema reads a variable, then .env.example names it and the README or docs/ explain it', () => {
    const root = new URL('../../../', import.meta.url);
    const example = readFileSync(new URL('.env.example', root), 'utf8');
    const documents = ['README.md', ...readdirSync(new URL('docs/', root)).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)].map((path) => readFileSync(new URL(path, root), 'utf8')).join('\n');
    const names = Object.keys(environmentSchema.shape);
    expect(names.filter((name) => !new RegExp(`^${name}=`, 'm').test(example))).toEqual([]);
    expect(names.filter((name) => !['NODE_ENV', 'PORT', 'LOG_LEVEL', 'MicrosoftAppTenantId', 'MicrosoftAppType', 'REDIS_KEY_PREFIX', 'REDIS_DATA_DIR'].includes(name) && !documents.includes(name))).toEqual([]);
  });
});
