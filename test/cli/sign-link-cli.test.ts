import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { verifyLink } from '../../src/links/link-signature.js';
import { identityOf } from '../../src/links/survey-identity.js';
import { buildOnce } from './run-cli.js';

const SECRET = 'cli-test-secret-0123456789abcdef012345';

function signLink(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const script = buildOnce('sign-link.js');
  return new Promise((resolve, reject) => {
    // Only the environment the test gives: run outside the checkout, so a developer's .env is not read.
    const child = spawn(process.execPath, [script, ...args], { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '', PUBLIC_URL: 'https://survey.example.com', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run sign-link', () => {
  it('when given a customer, an agent and --ttl 7d, then it prints a link on PUBLIC_URL whose fragment verifies and expires in 7 days', async () => {
    const before = Math.floor(Date.now() / 1000);
    const run = await signLink(['--customerId', 'c-42', '--customerName', 'Ana María', '--agentName', 'Sam', '--language', 'es', '--ttl', '7d'], { WEBCHAT_SIGNING_SECRET: SECRET });
    expect(run.code).toBe(0);
    const link = run.stdout.trim();
    expect(link).toMatch(/^https:\/\/survey\.example\.com\/#customerId=c-42&customerName=Ana\+Mar%C3%ADa&agentName=Sam&exp=\d+&sig=[0-9a-f]{64}&language=es$/);
    const sent = Object.fromEntries(new URLSearchParams(new URL(link).hash.slice(1)));
    expect(Number(sent.exp) - before).toBeGreaterThanOrEqual(7 * 86_400);
    expect(Number(sent.exp) - before).toBeLessThan(7 * 86_400 + 60);
    expect(verifyLink({ identity: identityOf(sent), exp: sent.exp, sig: sent.sig }, SECRET, new Date())).toBe('verified');
  });

  it('when asked for --widget, then it prints the data-* attributes of the widget tag', async () => {
    const run = await signLink(['--agentId', 'a-17', '--ttl', '3600', '--widget'], { WEBCHAT_SIGNING_SECRET: SECRET });
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^data-agent-id="a-17" data-exp="\d+" data-sig="[0-9a-f]{64}"$/);
  });

  it('when WEBCHAT_SIGNING_SECRET is unset, a field is malformed or the lifetime unreadable, then it exits non-zero saying why and prints no link', async () => {
    const unset = await signLink(['--customerId', 'c-1']);
    expect(unset).toMatchObject({ code: 1, stdout: '' });
    expect(unset.stderr).toContain('WEBCHAT_SIGNING_SECRET is not set');
    const malformed = await signLink(['--agentId', 'a b'], { WEBCHAT_SIGNING_SECRET: SECRET });
    expect(malformed).toMatchObject({ code: 2, stdout: '' });
    expect(malformed.stderr).toContain('agentId: 1 to 64 letters, digits and _ . @ -');
    const ttl = await signLink(['--customerId', 'c-1', '--ttl', 'soon'], { WEBCHAT_SIGNING_SECRET: SECRET });
    expect(ttl).toMatchObject({ code: 2, stdout: '' });
    expect(ttl.stderr).toContain('--ttl: soon is not a lifetime');
  });
});
