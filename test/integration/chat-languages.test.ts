import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendChatMessage } from '../support/chat-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the chat greets and asks in the language the locale or the text says', () => {
  let app: TestApp;
  let directory: string;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'messages-'));
    const file = join(directory, 'messages.json');
    writeFileSync(file, JSON.stringify({ lt: { scoreThanks: 'Ačiū! Jūsų balas: {score}.' }, en: { scoreQuestion: 'On a scale of 0 to 10, would you recommend {businessName}?' } }));
    app = await startTestApp({ SURVEY_MESSAGES_FILE: file });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const stored = async (conversationId: string) => (await app.services.store.listNewest({ channel: 'chat', limit: 50 })).find((record) => record.conversationId === conversationId);

  it('when "Hallo" comes with locale de-DE, then it greets and asks in German', async () => {
    const reply = await sendChatMessage(app.baseUrl, 'c-de', 'Hallo', { locale: 'de-DE' });
    expect(reply.texts).toEqual([
      'Hallo! Danke, dass Sie Example Telecom kontaktiert haben. Zwei kurze Fragen; schreiben Sie jederzeit "stopp", um keine Umfragen mehr zu erhalten.',
      'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen, von 0 bis 10?',
    ]);
    expect(await stored('c-de')).toMatchObject({ language: 'de' });
  });

  it('when the first message is Lithuanian, then it greets and asks in Lithuanian, and a score is confirmed in the file\'s wording', async () => {
    const reply = await sendChatMessage(app.baseUrl, 'c-lt', 'Labas, norėčiau palikti atsiliepimą');
    expect(reply.texts).toEqual([
      'Sveiki! Dėkojame, kad kreipėtės į Example Telecom. Du trumpi klausimai; jei nebenorite dalyvauti, bet kada parašykite „stop“.',
      'Kiek tikėtina, kad rekomenduotumėte mus kitiems, nuo 0 iki 10?',
    ]);
    const scored = await sendChatMessage(app.baseUrl, 'c-lt', 'septyni');
    expect(scored.texts[0]).toBe('Ačiū! Jūsų balas: 7.');
    expect(await stored('c-lt')).toMatchObject({ language: 'lt', score: 7 });
  });

  it('when the first message is Persian, then it greets and asks in Persian', async () => {
    const reply = await sendChatMessage(app.baseUrl, 'c-fa', 'سلام، می‌خواهم نظرم را بگویم');
    expect(reply.texts).toEqual([
      'سلام! از اینکه با Example Telecom تماس گرفتید سپاسگزاریم. دو سؤال کوتاه داریم؛ هر زمان خواستید، با نوشتن «لغو» از نظرسنجی خارج شوید.',
      'از 0 تا 10، چقدر احتمال دارد ما را به دیگران توصیه کنید؟',
    ]);
    expect(await stored('c-fa')).toMatchObject({ language: 'fa' });
  });

  it('when the first message is "Привет", then it gets the default language (with the file\'s wording) and records what it saw', async () => {
    const reply = await sendChatMessage(app.baseUrl, 'c-ru', 'Привет');
    expect(reply.texts).toEqual([
      'Hi! Thanks for contacting Example Telecom. Two quick questions; type "stop" at any time to opt out.',
      'On a scale of 0 to 10, would you recommend Example Telecom?',
    ]);
    expect((await stored('c-ru'))?.language).toBe('en');
  });
});
