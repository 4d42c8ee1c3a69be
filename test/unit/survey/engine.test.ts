import { describe, expect, it } from 'vitest';
import { decide, open } from '../../../src/survey/engine.js';

describe('survey engine', () => {
  it('when a chat opens with a greeting, then the person is greeted and asked for a score', () => {
    expect(open('chat', 'hello')).toEqual({ event: null, say: ['greeting', 'scoreQuestion'], next: { step: 'score', attempt: 1 } });
  });

  it('when a chat opens with a valid score, then the score is taken at once', () => {
    expect(open('chat', '8/10')).toEqual({ event: { type: 'score', score: 8 }, say: ['scoreThanks', 'reasonQuestionPassive'], next: { step: 'reason', attempt: 1 }, score: 8 });
  });

  it('when a chat opens with "stop", then the person is opted out', () => {
    expect(open('chat', 'stop')).toEqual({ event: { type: 'optedOut' }, say: ['optedOut'], next: null });
  });

  it('when the dialer places a call, then the business and the opt-out key come first and the survey waits for consent', () => {
    expect(open('outboundCall')).toEqual({ event: null, say: ['callIntro', 'consentQuestion'], next: { step: 'consent', attempt: 1 } });
  });

  it('when a call comes in, then it goes straight to the score question', () => {
    expect(open('inboundCall')).toEqual({ event: null, say: ['scoreQuestion'], next: { step: 'score', attempt: 1 } });
  });

  it.each([
    ['0', 0],
    ['6', 6],
    ['10', 10],
  ])('when %s is keyed at the score question, then it is the score', (digits, score) => {
    expect(decide({ step: 'score', attempt: 1 }, { kind: 'keys', digits }).event).toEqual({ type: 'score', score });
  });

  it.each(['', '#', '11', '00', '-1', '٣', '１０', '1 0', '*1'])('when %j is keyed at the score question, then it is asked again', (digits) => {
    expect(decide({ step: 'score', attempt: 1 }, { kind: 'keys', digits })).toEqual({ event: null, say: ['scoreRetry'], next: { step: 'score', attempt: 2 } });
  });

  it('when the third score answer is invalid too, then the survey ends politely without a score', () => {
    expect(decide({ step: 'score', attempt: 3 }, { kind: 'silence' })).toEqual({ event: { type: 'gaveUp', step: 'score' }, say: ['giveUp'], next: null });
  });

  it('when the opt-out key is pressed at any step, then the person is opted out', () => {
    for (const step of ['consent', 'score', 'reason'] as const) {
      expect(decide({ step, attempt: 2 }, { kind: 'keys', digits: '*' })).toEqual({ event: { type: 'optedOut' }, say: ['optedOut'], next: null });
    }
  });

  it('when 1 is pressed at the consent question, then the score question follows', () => {
    expect(decide({ step: 'consent', attempt: 1 }, { kind: 'keys', digits: '1' })).toEqual({ event: null, say: ['scoreQuestion'], next: { step: 'score', attempt: 1 } });
  });

  it('when speech "eleven" answers the score question, then it is asked again', () => {
    expect(decide({ step: 'score', attempt: 1 }, { kind: 'text', text: 'eleven', confidence: 0.9 }).next).toEqual({ step: 'score', attempt: 2 });
  });

  it('when a reason is heard with very low confidence, then it is asked again', () => {
    expect(decide({ step: 'reason', attempt: 1 }, { kind: 'text', text: 'mumble', confidence: 0.05 })).toEqual({ event: null, say: ['reasonRetry'], next: { step: 'reason', attempt: 2 } });
  });

  it('when a reason is given, then it is kept as given and the survey thanks and ends', () => {
    const reason = 'Wait\u0000 \u202Etime 👩‍👩‍👧‍👦';
    expect(decide({ step: 'reason', attempt: 1 }, { kind: 'text', text: reason })).toEqual({ event: { type: 'reason', reason }, say: ['thanks'], next: null });
  });

  it('when no reason comes after three tries, then the survey thanks and ends (the score stays)', () => {
    expect(decide({ step: 'reason', attempt: 3 }, { kind: 'silence' })).toEqual({ event: { type: 'gaveUp', step: 'reason' }, say: ['thanks'], next: null });
  });

  it.each([
    [0, 'reasonQuestionDetractor'],
    [6, 'reasonQuestionDetractor'],
    [7, 'reasonQuestionPassive'],
    [8, 'reasonQuestionPassive'],
    [9, 'reasonQuestionPromoter'],
  ])('when the score is %i, then the reason question is %s', (score, key) => {
    expect(decide({ step: 'score', attempt: 1 }, { kind: 'keys', digits: String(score) }).say).toEqual(['scoreThanks', key]);
  });
});
