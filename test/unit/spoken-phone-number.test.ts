import { describe, expect, it } from 'vitest';
import { spokenPhoneNumber } from '../../src/survey/spoken-phone-number.js';

describe('spokenPhoneNumber', () => {
  it.each([
    ['+15550001111', '+1, 5 5 5, 0 0 0, 1 1 1 1'],
    ['+442071838750', '+44, 2 0, 7 1 8 3, 8 7 5 0'],
    ['+3612345678', '+36, 1, 2 3 4, 5 6 7 8'],
  ])('when the callback number is %s, then the call reads it digit by digit in groups: %s', (phone, spoken) => {
    expect(spokenPhoneNumber(phone)).toBe(spoken);
  });
});
