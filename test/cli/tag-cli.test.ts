import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, ROOT, runCli } from './run-cli.js';

let script: string;

beforeAll(() => {
  script = buildOnce('tag.js');
}, 120_000);

describe('tag command', () => {
  it('when reasons arrive as JSON lines, then each gets its tags and sentiment, in order', async () => {
    const input = [
      { id: 'a', text: 'I waited 40 minutes on hold and the agent was rude', score: 2 },
      { id: 2, text: 'todo perfecto, muy amables', lang: 'es' },
      { id: 'c', text: 'nichts', lang: 'de', score: null },
    ].map((row) => JSON.stringify(row)).join('\n');
    const run = await runCli(script, input);
    expect(run.code).toBe(0);
    expect(run.lines.map((line) => JSON.parse(line))).toEqual([
      { id: 'a', tags: ['wait_time', 'agent_attitude'], sentiment: 'negative' },
      { id: 2, tags: ['agent_attitude'], sentiment: 'positive' },
      { id: 'c', tags: [], sentiment: 'neutral' },
    ]);
  });

  it('when Lithuanian and Persian reasons come without a language, then it is detected and they are tagged', async () => {
    const input = [
      { id: 'lt', text: 'laukiau valandą, o darbuotojas buvo nemandagus' },
      { id: 'fa', text: 'یک ساعت پشت خط منتظر ماندم و کارمند بی‌ادب بود' },
    ].map((row) => JSON.stringify(row)).join('\n');
    const run = await runCli(script, input);
    expect(run.code).toBe(0);
    expect(run.lines.map((line) => JSON.parse(line))).toEqual([
      { id: 'lt', tags: ['wait_time', 'agent_attitude'], sentiment: 'negative' },
      { id: 'fa', tags: ['wait_time', 'agent_attitude'], sentiment: 'negative' },
    ]);
  });

  it('when a line is malformed, then it gets an error line and the next lines are still answered', async () => {
    const input = ['not json', '{"id":7}', '[1,2]', '{"id":8,"text":"fine","score":"x"}', '{"id":9,"text":"the bill was wrong"}'].join('\n');
    const run = await runCli(script, input);
    expect(run.code).toBe(0);
    const rows = run.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.map((r) => r.id)).toEqual([null, 7, null, 8, 9]);
    expect(rows.slice(0, 4).every((r) => typeof r.error === 'string')).toBe(true);
    expect(rows[4]).toEqual({ id: 9, tags: ['price_billing'], sentiment: 'negative' });
  });

  it('when 24,000 reasons are piped through, then 24,000 answers come back in order', async () => {
    const input = Array.from({ length: 24_000 }, (_, i) => JSON.stringify({ id: i, text: i % 2 ? 'too many transfers' : 'la app no funciona' })).join('\n');
    const run = await runCli(script, input);
    expect(run.code).toBe(0);
    expect(run.lines).toHaveLength(24_000);
    expect(run.lines.every((line, i) => (JSON.parse(line) as { id: number }).id === i)).toBe(true);
  }, 60_000);

  it('when a caller sends one line and waits, then the answer comes before stdin closes', async () => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    const answer = new Promise<string>((resolve) => child.stdout.setEncoding('utf8').once('data', resolve));
    child.stdin.write('{"id":1,"text":"rude agent"}\n');
    expect(JSON.parse(await answer)).toEqual({ id: 1, tags: ['agent_attitude'], sentiment: 'negative' });
    child.stdin.end();
    await new Promise((resolve) => child.on('close', resolve));
  });

  it('when a multi-byte character is split between input chunks, then the text arrives whole', async () => {
    const line = Buffer.from('{"id":1,"text":"várakozás túl hosszú","lang":"hu"}\n');
    const cut = line.indexOf(Buffer.from('á')) + 1;
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdin.write(line.subarray(0, cut));
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.stdin.end(line.subarray(cut));
    await new Promise((resolve) => child.on('close', resolve));
    expect(JSON.parse(output)).toMatchObject({ id: 1, tags: ['wait_time'] });
  });
});
