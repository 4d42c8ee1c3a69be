import { AutoSaveStateMiddleware, ConversationState, MemoryStorage, MessageFactory, TestAdapter, type Storage } from 'botbuilder';
import { DialogSet, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStorage } from '../../dialogs/redis-storage.js';
import { createTestRedis, type TestRedis } from '../support/test-redis.js';

type Item = { count?: number; id?: number; eTag?: string };

/** One contract every Bot Framework `Storage` must keep (after botbuilder-js storageBaseTests). */
function storageContract(name: string, makeStorage: () => Storage): void {
  describe(`${name} keeps the Storage contract`, () => {
    it('when an unknown key is read, then the result is empty', async () => {
      expect(await makeStorage().read(['unknown'])).toEqual({});
    });

    it('when items are written, then they read back with an eTag', async () => {
      const storage = makeStorage();
      await storage.write({ createA: { id: 1 }, createB: { id: 2 } });
      const read = await storage.read(['createA', 'createB']);
      expect((read.createA as Item).id).toBe(1);
      expect((read.createB as Item).eTag).toEqual(expect.any(String));
    });

    it('when a key holds odd characters, then it still round-trips', async () => {
      const storage = makeStorage();
      const key = '!@#$%^&*()~/\\><,.?\';"`~{x}';
      await storage.write({ [key]: { id: 7 } });
      expect(((await storage.read([key]))[key] as Item).id).toBe(7);
    });

    it('when an item is written with a stale eTag, then the write fails and the stored item is unchanged', async () => {
      const storage = makeStorage();
      await storage.write({ item: { count: 1 } });
      const first = (await storage.read(['item'])).item as Item;
      await storage.write({ item: { ...first, count: 2 } });
      await expect(storage.write({ item: { ...first, count: 99 } })).rejects.toThrow();
      expect(((await storage.read(['item'])).item as Item).count).toBe(2);
    });

    it('when an item is written with eTag "*", then it wins', async () => {
      const storage = makeStorage();
      await storage.write({ item: { count: 1 } });
      await storage.write({ item: { count: 100, eTag: '*' } });
      expect(((await storage.read(['item'])).item as Item).count).toBe(100);
    });

    it('when a batch is written and deleted, then every item goes, and deleting an unknown key is fine', async () => {
      const storage = makeStorage();
      await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });
      expect(Object.keys(await storage.read(['batch1', 'batch2', 'batch3']))).toHaveLength(3);
      await storage.delete(['batch1', 'batch2', 'batch3', 'never-written']);
      expect(await storage.read(['batch1', 'batch2', 'batch3'])).toEqual({});
    });

    it('when a waterfall with a prompt runs over it, then the dialog state survives every turn', async () => {
      const conversationState = new ConversationState(makeStorage());
      const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
      dialogs.add(
        new TextPrompt('name', async (prompt) => {
          if ((prompt.recognized.value ?? '').length > 3) return true;
          await prompt.context.sendActivity(`Longer please. ${prompt.attemptCount}`);
          return false;
        }),
      );
      dialogs.add(
        new WaterfallDialog('flow', [
          async (step) => step.prompt('name', { prompt: MessageFactory.text('Your name?') }),
          async (step) => {
            await step.context.sendActivity(`Hello ${String(step.result)}`);
            return step.endDialog();
          },
        ]),
      );
      const adapter = new TestAdapter(async (context) => {
        const dialogContext = await dialogs.createContext(context);
        const result = await dialogContext.continueDialog();
        if (result.status === 'empty') await dialogContext.beginDialog('flow');
      }).use(new AutoSaveStateMiddleware(conversationState));
      await adapter.send('hi').assertReply('Your name?').send('Al').assertReply('Longer please. 1').send('Alice').assertReply('Hello Alice').startTest();
    });
  });
}

let redis: TestRedis;
beforeAll(async () => {
  redis = await createTestRedis();
});
afterAll(async () => redis?.cleanup());

storageContract('MemoryStorage', () => new MemoryStorage());
storageContract('RedisStorage', () => {
  const namespace = `${redis.prefix}${Math.random().toString(36).slice(2, 8)}:`;
  return new RedisStorage(redis.redis, { redisKey: (key) => `${namespace}${key}`, ttlSeconds: 60 });
});
