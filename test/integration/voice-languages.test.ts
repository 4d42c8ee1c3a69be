import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
/** Not real audio: the service serves bytes as they are, and Twilio is not here to decode them. */
const MP3_BYTES = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);

describe('call languages: voices, recordings and the language menu', () => {
  let app: TestApp | undefined;
  const directories: string[] = [];
  afterEach(async () => {
    await app?.close();
    app = undefined;
    for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  });

  function promptsDir(files: string[]): string {
    const root = mkdtempSync(join(tmpdir(), 'prompts-'));
    directories.push(root);
    for (const file of files) {
      mkdirSync(join(root, file.split('/')[0] ?? ''), { recursive: true });
      writeFileSync(join(root, file), MP3_BYTES);
    }
    return root;
  }

  const scoreAction = (base: string, lang: string): string => `${base}/voice/answer?step=score&amp;attempt=1&amp;lang=${lang}`;

  it('when a call comes in with lang=hu on the webhook URL, then it is asked in Hungarian with the Google Hungarian voice', async () => {
    app = await startTestApp();
    const reply = await postTwilioWebhook(`${app.baseUrl}/voice/incoming?lang=hu`, callFields(newCallSid()));
    expect(reply.body).toBe(
      `${XML}<Response><Gather input="dtmf" action="${scoreAction(app.baseUrl, 'hu')}" method="POST" finishOnKey="#" timeout="5" actionOnEmptyResult="true"><Say language="hu-HU" voice="Google.hu-HU-Standard-A">Mennyire valószínű, hogy ajánlana minket, 0-tól 10-ig? Üsse be a pontszámot, majd nyomja meg a kettőskereszt gombot. A csillag gombbal bármikor kiléphet.</Say></Gather></Response>`,
    );
  });

  it('when VOICE_LT names another voice, then Lithuanian calls use it', async () => {
    app = await startTestApp({ VOICE_LT: 'Google.lt-LT-Standard-B' });
    const reply = await postTwilioWebhook(`${app.baseUrl}/voice/incoming?lang=lt`, callFields(newCallSid()));
    expect(reply.body).toContain('<Say language="lt-LT" voice="Google.lt-LT-Standard-B">');
  });

  it('when a call in fa has recordings, then it plays them from URLs the service serves, cacheable, and nothing else is reachable', async () => {
    const dir = promptsDir(['fa/greeting.mp3', 'fa/scoreQuestion.mp3', 'fa/thanks.wav', 'fa/notAMessage.mp3']);
    writeFileSync(join(dir, 'secret.mp3'), 'not for callers');
    app = await startTestApp({ PROMPTS_DIR: dir });
    const callSid = newCallSid();
    const opening = await postTwilioWebhook(`${app.baseUrl}/voice/incoming?lang=fa`, callFields(callSid));
    expect(opening.body).toBe(
      `${XML}<Response><Gather input="dtmf" action="${scoreAction(app.baseUrl, 'fa')}" method="POST" finishOnKey="#" timeout="5" actionOnEmptyResult="true"><Play>${app.baseUrl}/voice/prompts/fa/scoreQuestion.mp3</Play></Gather></Response>`,
    );

    // The score is said (it names the score); the question after it has no recording, so it is said too.
    const scored = await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=score&attempt=1&lang=fa`, callFields(callSid, { Digits: '9' }));
    expect(scored.body).toBe(
      `${XML}<Response><Gather input="speech dtmf" action="${app.baseUrl}/voice/answer?step=reason&amp;attempt=1&amp;lang=fa" method="POST" finishOnKey="#" timeout="5" speechTimeout="auto" language="fa-IR" actionOnEmptyResult="true"><Say language="fa-IR">سپاسگزاریم: 9 از 10. خوشحالیم که راضی بودید! چطور می‌توانیم بهتر باشیم؟ لطفاً در چند کلمه بگویید.</Say></Gather></Response>`,
    );
    const done = await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=reason&attempt=1&lang=fa`, callFields(callSid, { SpeechResult: 'پشتیبانی خوب بود', Confidence: '0.9' }));
    expect(done.body).toBe(`${XML}<Response><Play>${app.baseUrl}/voice/prompts/fa/thanks.wav</Play><Hangup/></Response>`);

    const audio = await fetch(`${app.baseUrl}/voice/prompts/fa/greeting.mp3`);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/mpeg');
    expect(audio.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(Buffer.from(await audio.arrayBuffer())).toEqual(MP3_BYTES);
    expect((await fetch(`${app.baseUrl}/voice/prompts/fa/thanks.wav`)).headers.get('content-type')).toBe('audio/wav');
    for (const path of ['fa/notAMessage.mp3', 'fa/thanks.mp3', 'fa/..%2Fsecret.mp3', '..%2Fsecret.mp3', 'fa/%2e%2e%2fsecret.mp3', 'xx/greeting.mp3']) {
      const refused = await fetch(`${app.baseUrl}/voice/prompts/${path}`);
      expect([403, 404], path).toContain(refused.status);
      expect(await refused.text(), path).not.toContain('not for callers');
    }
  });

  it('when a call in fa names the customer, then that prompt is said, not played', async () => {
    app = await startTestApp({ PROMPTS_DIR: promptsDir(['fa/greeting.mp3', 'fa/scoreQuestion.mp3']) });
    const prompt = app.services.conversation.say('fa', ['greeting', 'scoreQuestion'], 'voice', { customerName: 'Sara' });
    const { promptTwiml } = await import('../../voice/prompt-twiml.js');
    const { PromptAudio } = await import('../../voice/prompt-audio.js');
    const audio = new PromptAudio(app.baseUrl, app.services.promptRecordings);
    expect(promptTwiml(prompt, app.baseUrl, audio)).toBe(
      `${XML}<Response><Say language="fa-IR">سلام Sara! از اینکه با Example Telecom تماس گرفتید سپاسگزاریم. دو سؤال کوتاه داریم؛ هر زمان خواستید، با نوشتن «لغو» از نظرسنجی خارج شوید.</Say><Play>${app.baseUrl}/voice/prompts/fa/scoreQuestion.mp3</Play><Hangup/></Response>`,
    );
  });

  it('when the service starts, then an info line names the spoken messages with neither a voice nor a recording', async () => {
    app = await startTestApp({ PROMPTS_DIR: promptsDir(['fa/greeting.mp3']) });
    const line = app.logLines.map((text) => JSON.parse(text) as { msg: string; messages?: string[] }).find((entry) => entry.messages !== undefined);
    expect(line?.messages).toContain('fa/scoreQuestion');
    expect(line?.messages).not.toContain('fa/greeting');
    expect(line?.messages?.every((name) => name.startsWith('fa/'))).toBe(true);
    expect(line?.msg).toContain('fa/thanks');
  });

  describe('with VOICE_LANGUAGE_MENU=en,hu,lt', () => {
    const menu = (base: string): string =>
      `${XML}<Response><Gather input="dtmf" numDigits="1" action="${base}/voice/language" method="POST" timeout="5" actionOnEmptyResult="true">` +
      '<Say language="en-US" voice="Polly.Joanna">For English, press 1.</Say>' +
      '<Say language="hu-HU" voice="Google.hu-HU-Standard-A">Magyar nyelvhez nyomja meg ezt a gombot: 2.</Say>' +
      '<Say language="lt-LT" voice="Google.lt-LT-Standard-A">Lietuviškai spauskite 3.</Say>' +
      '</Gather></Response>';

    it('when an inbound call comes in, then it first hears the menu, each line in its own language and voice', async () => {
      app = await startTestApp({ VOICE_LANGUAGE_MENU: 'en,hu,lt' });
      const reply = await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(newCallSid()));
      expect(reply.body).toBe(menu(app.baseUrl));
    });

    it('when the caller presses 3, then the survey runs in Lithuanian and the response says so', async () => {
      app = await startTestApp({ VOICE_LANGUAGE_MENU: 'en,hu,lt' });
      const callSid = newCallSid();
      await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid));
      const chosen = await postTwilioWebhook(`${app.baseUrl}/voice/language`, callFields(callSid, { Digits: '3' }));
      expect(chosen.body).toContain(`<Gather input="dtmf" action="${scoreAction(app.baseUrl, 'lt')}"`);
      expect(chosen.body).toContain('<Say language="lt-LT" voice="Google.lt-LT-Standard-A">Kiek tikėtina');
      expect((await app.services.store.get(callSid))?.language).toBe('lt');
    });

    it('when the caller presses nothing (or a digit the menu lacks), then the survey runs in DEFAULT_LANGUAGE', async () => {
      app = await startTestApp({ VOICE_LANGUAGE_MENU: 'en,hu,lt', DEFAULT_LANGUAGE: 'hu' });
      for (const fields of [{}, { Digits: '7' }] as Record<string, string>[]) {
        const callSid = newCallSid();
        const chosen = await postTwilioWebhook(`${app.baseUrl}/voice/language`, callFields(callSid, fields));
        expect(chosen.body).toContain(`<Gather input="dtmf" action="${scoreAction(app.baseUrl, 'hu')}"`);
        expect(chosen.body).toContain('<Say language="hu-HU" voice="Google.hu-HU-Standard-A">Mennyire valószínű');
      }
    });

    it('when the webhook URL carries lang=hu, then there is no menu', async () => {
      app = await startTestApp({ VOICE_LANGUAGE_MENU: 'en,hu,lt' });
      const reply = await postTwilioWebhook(`${app.baseUrl}/voice/incoming?lang=hu`, callFields(newCallSid()));
      expect(reply.body).toContain(`action="${scoreAction(app.baseUrl, 'hu')}"`);
    });
  });
});
