import { createHash } from 'node:crypto';
import express from 'express';
import { Redis } from 'ioredis';

/**
 * The floor for a web chat poll: the least GET /v3/directline/conversations/:id/activities can do
 * with the same libraries: look the bearer token up, check the conversation and read its activities
 * after the watermark (all three in one round trip), and answer them as JSON.
 */
const port = Number(process.env.PORT);
const redis = new Redis(process.env.REDIS_URL ?? '');
const prefix = process.env.REDIS_KEY_PREFIX ?? 'floor:';

const app = express();
app.get('/v3/directline/conversations/:id/activities', async (request, response) => {
  const token = (request.header('authorization') ?? '').replace(/^Bearer /, '');
  const watermark = Number(request.query.watermark ?? 0);
  const conversationKey = `${prefix}conv:{${request.params.id}}`;
  const [conversationId, exists, items] = await Promise.all([
    redis.get(`${prefix}token:${createHash('sha256').update(token).digest('hex')}`),
    redis.exists(conversationKey),
    redis.lrange(`${conversationKey}:activities`, watermark, watermark + 99),
  ]);
  if (conversationId !== request.params.id || !exists) {
    response.status(403).json({ error: 'token' });
    return;
  }
  response.json({ activities: items.map((item) => JSON.parse(item) as unknown), watermark: String(watermark + items.length) });
});

/** Seeds one conversation as the service would hold it after a greeting: token, conversation, three activities. */
app.post('/seed', express.json(), async (request, response) => {
  const { token, conversationId, activities } = request.body as { token: string; conversationId: string; activities: unknown[] };
  await redis.set(`${prefix}token:${createHash('sha256').update(token).digest('hex')}`, conversationId, 'EX', 600);
  await redis.hset(`${prefix}conv:{${conversationId}}`, 'createdAt', new Date().toISOString());
  await redis.rpush(`${prefix}conv:{${conversationId}}:activities`, ...activities.map((activity) => JSON.stringify(activity)));
  response.status(204).end();
});

app.listen(port, '127.0.0.1', () => console.log(`floor listening on ${port}`));
