import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendChatMessage } from '../support/chat-client.js';
import { IdleChatCloser } from '../../src/store/idle-chat-closer.js';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';

const MINUTE = 60_000;

describe('chats left idle', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  const volumes = async (): Promise<Record<string, number>> => {
    const response = await fetch(`${app.baseUrl}/api/review/summary`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    return ((await response.json()) as { volumes: Record<string, number> }).volumes;
  };
  const chat = (conversationId: string, score: number | null, minutesAgo: number) =>
    app.services.store.applyTurn({
      id: `idle-${conversationId}`,
      create: { channel: 'chat', conversationId, language: 'en' },
      ...(score === null ? {} : { events: [{ type: 'score' as const, score }] }),
      at: new Date(Date.now() - minutesAgo * MINUTE),
    });

  it('when chats stay unanswered for 30 minutes, then they end as partial or abandoned once, the summary counts them, and chats still going are left alone', async () => {
    await chat('scored-long-ago', 8, 45);
    await chat('silent-long-ago', null, 40);
    await chat('scored-just-now', 3, 5);
    const before = await volumes();

    expect(await app.services.idleChatCloser.closeIdle()).toBe(2);
    expect(await app.services.idleChatCloser.closeIdle()).toBe(0);

    expect((await app.services.store.get('idle-scored-long-ago'))?.status).toBe('partial');
    expect((await app.services.store.get('idle-silent-long-ago'))?.status).toBe('abandoned');
    expect((await app.services.store.get('idle-scored-just-now'))?.status).toBe('in_progress');
    const after = await volumes();
    expect(after.partial).toBe((before.partial ?? 0) + 1);
    expect(after.abandoned).toBe((before.abandoned ?? 0) + 1);
  });

  it('when a chat ended as partial gets its reason after all, then it is completed and no longer counted as partial', async () => {
    await sendChatMessage(app.baseUrl, 'c-late', '7');
    const [record] = (await app.services.store.listNewest({ channel: 'chat', limit: 50 })).filter((item) => item.conversationId === 'c-late');
    const halfAnHourLater = new IdleChatCloser(app.redis.redis, app.services.keys, app.services.store, () => Date.now() + 31 * MINUTE);
    const before = await volumes();
    expect(await halfAnHourLater.closeIdle()).toBe(2); // c-late and the chat scored 5 minutes before the first test

    expect((await app.services.store.get(record?.id ?? ''))?.status).toBe('partial');
    expect((await volumes()).partial).toBe((before.partial ?? 0) + 2);

    const reply = await sendChatMessage(app.baseUrl, 'c-late', 'the hold music was too loud');
    expect(reply.texts).toEqual(['Thank you for your feedback. Goodbye!']);
    expect((await app.services.store.get(record?.id ?? ''))?.status).toBe('completed');
    expect((await volumes()).partial).toBe((before.partial ?? 0) + 1);
  });

  it('when a chat ended as abandoned gets a score after all, then the score is stored before it is acknowledged and the survey goes on', async () => {
    await sendChatMessage(app.baseUrl, 'c-back', 'hello');
    await new IdleChatCloser(app.redis.redis, app.services.keys, app.services.store, () => Date.now() + 31 * MINUTE).closeIdle();
    const before = await volumes();
    const reply = await sendChatMessage(app.baseUrl, 'c-back', '9');
    expect(reply.texts).toEqual(['Thank you: 9 out of 10.', 'Glad to hear it! How could we do better?']);
    const [record] = (await app.services.store.listNewest({ channel: 'chat', limit: 50 })).filter((item) => item.conversationId === 'c-back');
    expect(record).toMatchObject({ score: 9, category: 'promoter', status: 'in_progress' });
    expect((await volumes()).abandoned).toBe((before.abandoned ?? 0) - 1);
    await sendChatMessage(app.baseUrl, 'c-back', 'all good');
    expect((await app.services.store.get(record?.id ?? ''))?.status).toBe('completed');
  });
});
