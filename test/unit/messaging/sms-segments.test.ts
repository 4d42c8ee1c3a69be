import { describe, expect, it } from 'vitest';
import { fitSms } from '../../../messaging/gsm-fold.js';
import { countSegments } from '../../../messaging/sms-segments.js';

describe('SMS segments', () => {
  it.each([
    ['', 'GSM-7', 1],
    ['a'.repeat(160), 'GSM-7', 1],
    ['a'.repeat(161), 'GSM-7', 2],
    ['a'.repeat(306), 'GSM-7', 2],
    ['a'.repeat(307), 'GSM-7', 3],
    ['é'.repeat(160), 'GSM-7', 1],
    ['ő'.repeat(70), 'UCS-2', 1],
    ['ő'.repeat(71), 'UCS-2', 2],
    ['ő'.repeat(134), 'UCS-2', 2],
    ['ő'.repeat(135), 'UCS-2', 3],
  ])('when the text is %j, then it is %s in %i segment(s)', (text, encoding, segments) => {
    expect(countSegments(text)).toMatchObject({ encoding, segments });
  });

  it('when the text holds GSM extension characters, then each takes two septets', () => {
    expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments(`${'€'.repeat(80)}a`)).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
  });

  it('when one emoji is in a GSM text, then the whole text is UCS-2 and the emoji takes two units', () => {
    expect(countSegments(`${'a'.repeat(68)}👍`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSegments(`${'a'.repeat(69)}👍`)).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
  });
});

describe('fitting an SMS into fewer segments', () => {
  it('when look-alikes make a UCS-2 text GSM-7 and shorter in segments, then the folded text is sent', () => {
    const spanish = 'Encuesta de clientes de Example Telecom. Responda con un número del 0 al 10. Responda STOP para no recibir más.';
    expect(countSegments(spanish).segments).toBe(2);
    expect(fitSms(spanish)).toBe('Encuesta de clientes de Example Telecom. Responda con un numero del 0 al 10. Responda STOP para no recibir mas.');
  });

  it('when the text already fits one UCS-2 segment, then it is sent as written', () => {
    expect(fitSms('No volveremos a contactarle para encuestas. Adiós.')).toBe('No volveremos a contactarle para encuestas. Adiós.');
  });

  it('when the script has no GSM-7 look-alikes (Persian, emoji), then it is sent as written', () => {
    const persian = 'نظرسنجی مشتریان Example Telecom. با عددی از 0 تا 10 پاسخ دهید. برای لغو، STOP بفرستید.';
    expect(fitSms(persian)).toBe(persian);
    const emoji = `${'Thank you for your feedback and for choosing us again, númber one '.repeat(2)}👍`;
    expect(fitSms(emoji)).toBe(emoji);
  });
});
