import { describe, expect, it } from 'vitest';
import { stemHungarian } from '../../../src/language/hungarian-stemmer.js';

describe('stemHungarian', () => {
  it('when a noun carries different case endings, then the forms share a stem', () => {
    const stems = ['varakozas', 'varakozast', 'varakozasra', 'varakozasban'].map(stemHungarian);
    expect(new Set(stems).size).toBe(1);
  });

  it('when a short word ends like a suffix, then at least three letters are kept', () => {
    expect(stemHungarian('ora').length).toBeGreaterThanOrEqual(3);
    expect(stemHungarian('kellemes')).toBe('kellem');
  });
});
