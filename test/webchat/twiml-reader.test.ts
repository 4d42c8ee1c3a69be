import { describe, expect, it } from 'vitest';
import { readTwiml } from '../../voice/simulator/twiml-reader.js';
import { gatherTwiml, hangupTwiml } from '../../voice/twiml.js';

describe('readTwiml', () => {
  it('when the voice flow asks for keys, then the simulator hears the prompt and waits on the keypad with the same action', () => {
    const twiml = gatherTwiml({ speech: 'Rate us from 0 to 10 & press hash.', locale: 'en-US', action: 'https://survey.example.com/voice/answer?step=score&attempt=1&lang=en', input: 'keys' });
    expect(readTwiml(twiml)).toEqual({
      captions: [{ text: 'Rate us from 0 to 10 & press hash.', language: 'en-US' }],
      next: { kind: 'gather', input: 'keys', action: 'https://survey.example.com/voice/answer?step=score&attempt=1&lang=en', finishOnKey: '#', timeoutSeconds: 5 },
    });
  });

  it('when the voice flow asks for speech, then the next action takes speech', () => {
    const twiml = gatherTwiml({ speech: '¿Qué podríamos mejorar?', locale: 'es-ES', action: 'https://x.example/voice/answer?step=reason&attempt=2&lang=es', input: 'speech' });
    expect(readTwiml(twiml).next).toMatchObject({ kind: 'gather', input: 'speech', action: 'https://x.example/voice/answer?step=reason&attempt=2&lang=es' });
    expect(readTwiml(twiml).captions).toEqual([{ text: '¿Qué podríamos mejorar?', language: 'es-ES' }]);
  });

  it('when the voice flow says goodbye, then the call hangs up after the caption', () => {
    expect(readTwiml(hangupTwiml("Thanks, you're done <3", 'en-US'))).toEqual({ captions: [{ text: "Thanks, you're done <3", language: 'en-US' }], next: { kind: 'hangup' } });
  });

  it('when the TwiML holds a verb the simulator cannot play, then it says so instead of guessing', () => {
    expect(() => readTwiml('<Response><Dial>+15551230000</Dial></Response>')).toThrow('TwiML verb <Dial> is not one the simulator plays');
    expect(() => readTwiml('<Nope/>')).toThrow('TwiML has no <Response>');
  });
});
