import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { loadConfig } from '../../../src/config/load-config.js';

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

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
});
