import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { callFields, newCallSid, postTwilioWebhook } from '../support/twilio-webhook.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const SCORE_QUESTION = 'How likely are you to recommend us, from 0 to 10? Key your score, then press hash. Press star at any time to stop.';

/** Every IVR step, each compared as the whole TwiML document Twilio gets, escaping included. */
describe('the IVR, step by step', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  const action = (step: string, attempt: number): string => `${app.baseUrl}/voice/answer?step=${step}&amp;attempt=${attempt}&amp;lang=en`;
  const keypad = (attempt: number, say: string): string =>
    `${XML}<Response><Gather input="dtmf" action="${action('score', attempt)}" method="POST" finishOnKey="#" timeout="5" actionOnEmptyResult="true"><Say language="en-US" voice="Polly.Joanna">${say}</Say></Gather></Response>`;
  const spoken = (attempt: number, say: string): string =>
    `${XML}<Response><Gather input="speech dtmf" action="${action('reason', attempt)}" method="POST" finishOnKey="#" timeout="5" speechTimeout="auto" language="en-US" actionOnEmptyResult="true"><Say language="en-US" voice="Polly.Joanna">${say}</Say></Gather></Response>`;
  const hangUp = (say: string): string => `${XML}<Response><Say language="en-US" voice="Polly.Joanna">${say}</Say><Hangup/></Response>`;

  async function call(): Promise<{ answer: (step: string, attempt: number, fields: Record<string, string>) => Promise<string>; opening: string; callSid: string }> {
    const callSid = newCallSid();
    const opening = (await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid))).body;
    const answer = async (step: string, attempt: number, fields: Record<string, string>): Promise<string> =>
      (await postTwilioWebhook(`${app.baseUrl}/voice/answer?step=${step}&attempt=${attempt}&lang=en`, callFields(callSid, fields))).body;
    return { answer, opening, callSid };
  }

  it('when a call comes in, then it hears the score question on a keypad <Gather>', async () => {
    expect((await call()).opening).toBe(keypad(1, SCORE_QUESTION));
  });

  it('when the caller keys something that is not 0-10, then the score is asked again on the next try', async () => {
    const { answer } = await call();
    expect(await answer('score', 1, { Digits: '11' })).toBe(keypad(2, 'Sorry, I did not get that. Please key a number from 0 to 10, then press hash.'));
  });

  it('when the third try is not a score either, then the call ends politely', async () => {
    const { answer } = await call();
    expect(await answer('score', 3, { Digits: '99' })).toBe(hangUp("Sorry, we couldn't get your answer. Thank you for your time. Goodbye."));
  });

  it('when a detractor keys 3, then the thanks and the detractor wording of the reason question come in one speech <Gather>', async () => {
    const { answer } = await call();
    expect(await answer('score', 1, { Digits: '3' })).toBe(spoken(1, "Thank you: 3 out of 10. We're sorry to hear that. How could we do better? Please tell us in a few words."));
  });

  it('when a passive keys 7, then the reason question has the passive wording', async () => {
    const { answer } = await call();
    expect(await answer('score', 1, { Digits: '7' })).toBe(spoken(1, 'Thank you: 7 out of 10. How could we do better? Please tell us in a few words.'));
  });

  it('when the reason is silence, then it is asked again, and after the third silence the call thanks and hangs up', async () => {
    const { answer } = await call();
    await answer('score', 1, { Digits: '8' });
    expect(await answer('reason', 1, {})).toBe(spoken(2, 'Sorry, I did not catch that. How could we do better?'));
    expect(await answer('reason', 2, {})).toBe(spoken(3, 'Sorry, I did not catch that. How could we do better?'));
    expect(await answer('reason', 3, {})).toBe(hangUp('Thank you for your feedback. Goodbye!'));
  });

  it('when the caller says the reason, then the call thanks and hangs up', async () => {
    const { answer } = await call();
    await answer('score', 1, { Digits: '10' });
    expect(await answer('reason', 1, { SpeechResult: 'Quick & friendly <3', Confidence: '0.8' })).toBe(hangUp('Thank you for your feedback. Goodbye!'));
  });

  it('when the caller presses the opt-out key at the reason question, then the call says so and hangs up', async () => {
    const { answer } = await call();
    await answer('score', 1, { Digits: '2' });
    expect(await answer('reason', 1, { Digits: '*' })).toBe(hangUp("You won't be contacted for surveys again. Goodbye."));
  });

  it('when one spoken answer gives the score and the reason, then the call thanks for both and hangs up', async () => {
    const { answer } = await call();
    expect(await answer('score', 1, { SpeechResult: "I'd say 7, the wait was long", Confidence: '0.9' })).toBe(hangUp('Thank you: 7 out of 10. Thank you for your feedback. Goodbye!'));
  });

  it('when Twilio calls /voice/incoming again for a survey already answered, then the caller is told so and the call hangs up', async () => {
    const { answer, callSid } = await call();
    await answer('score', 1, { Digits: '9' });
    await answer('reason', 1, { SpeechResult: 'all good', Confidence: '0.9' });
    expect((await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid))).body).toBe(hangUp("You've already answered this survey. Thank you!"));
  });

  it('when Twilio calls /voice/incoming again while the reason is awaited, then the reason question is asked again where the call was', async () => {
    const { answer, callSid } = await call();
    await answer('score', 1, { Digits: '4' });
    expect((await postTwilioWebhook(`${app.baseUrl}/voice/incoming`, callFields(callSid))).body).toBe(spoken(1, "We're sorry to hear that. How could we do better? Please tell us in a few words."));
  });
});
