import cluster from 'node:cluster';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import express from 'express';
import { Redis } from 'ioredis';
import twilio from 'twilio';

/**
 * The floor: the least each measured endpoint can do with the same libraries. A voice turn parses
 * Twilio's form, checks the signature, writes the call's state to Redis once and answers a <Gather>;
 * a text message is the same with a <Message>; a chat turn goes through Bot Framework's CloudAdapter (authentication off, as in local use) to an
 * ActivityHandler that writes once and replies, with expectReplies; a summary read reads one hash.
 */
const port = Number(process.env.PORT);
const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;
const authToken = process.env.TWILIO_AUTH_TOKEN ?? '';
// The same client setting as the service (commands of one tick share a write), so the ratio measures our work, not a flag.
const redis = new Redis(process.env.REDIS_URL ?? '', { enableAutoPipelining: true });
const prefix = process.env.REDIS_KEY_PREFIX ?? 'floor:';

const app = express();
const voice = express.urlencoded({ extended: false, limit: '1mb' });

function voiceTurn(step: string): express.RequestHandler {
  return async (request, response) => {
    const params = request.body as Record<string, string>;
    if (!twilio.validateRequest(authToken, request.header('x-twilio-signature') ?? '', `${publicUrl}${request.originalUrl}`, params)) {
      response.status(403).end();
      return;
    }
    await redis.hset(`${prefix}call:{${params.CallSid}}`, 'step', step, 'digits', params.Digits ?? '');
    const twiml = new twilio.twiml.VoiceResponse();
    twiml
      .gather({ input: ['dtmf'], action: `${publicUrl}/voice/answer?step=${step}&attempt=1&lang=en`, method: 'POST', finishOnKey: '#', timeout: 5 })
      .say({ language: 'en-US' }, 'How likely are you to recommend us, from 0 to 10?');
    response.type('text/xml').send(twiml.toString());
  };
}

app.post('/voice/incoming', voice, voiceTurn('score'));
app.post('/sms/incoming', voice, async (request, response) => {
  const params = request.body as Record<string, string>;
  if (!twilio.validateRequest(authToken, request.header('x-twilio-signature') ?? '', `${publicUrl}${request.originalUrl}`, params)) {
    response.status(403).end();
    return;
  }
  await redis.hset(`${prefix}text:{${params.From}}`, 'body', params.Body ?? '');
  const twiml = new twilio.twiml.MessagingResponse();
  twiml.message('Thank you: 9 out of 10. How could we do better?');
  response.type('text/xml').send(twiml.toString());
});
app.post('/voice/answer', voice, voiceTurn('reason'));
class FloorBot extends ActivityHandler {
  protected override async onMessageActivity(context: TurnContext): Promise<void> {
    await redis.hset(`${prefix}chat:{${context.activity.conversation.id}}`, 'text', context.activity.text ?? '');
    await context.sendActivity('How could we do better?');
  }
}
const bot = new FloorBot();
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
app.post('/api/messages', express.json({ limit: '1mb' }), async (request, response) => {
  await adapter.process(request, response, (context) => bot.run(context));
});
app.get('/api/review/summary', async (_request, response) => {
  response.json(await redis.hgetall(`${prefix}summary`));
});

// WEB_CONCURRENCY as the service reads it: the same number of processes on both sides of a comparison.
const processes = Number(process.env.WEB_CONCURRENCY ?? 1);
if (processes > 1 && cluster.isPrimary) {
  const workers = Array.from({ length: processes }, () => cluster.fork());
  let listening = 0;
  for (const worker of workers) worker.on('listening', () => (listening += 1) === processes && console.log(`floor listening on ${port} (${processes} processes)`));
  process.on('SIGTERM', () => {
    for (const worker of workers) worker.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  app.listen(port, '127.0.0.1', () => processes === 1 && console.log(`floor listening on ${port}`));
}
