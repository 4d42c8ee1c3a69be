import { describe, expect, it } from 'vitest';
import { stemLithuanian } from '../../../src/language/lithuanian-stemmer.js';
import { stemPersian } from '../../../src/language/persian-stemmer.js';

describe('stemLithuanian', () => {
  it('when a noun carries different case endings, then the forms share a stem', () => {
    expect(new Set(['laukimas', 'laukimo', 'laukima', 'laukime'].map(stemLithuanian)).size).toBe(1);
    expect(new Set(['saskaita', 'saskaitos', 'saskaitoje'].map(stemLithuanian)).size).toBe(1);
  });

  it('when a verb is negated with "ne-", then its stem stays apart from the plain verb', () => {
    expect(stemLithuanian('neveikia')).not.toBe(stemLithuanian('veikia'));
  });

  it('when a short word ends like a suffix, then at least three letters are kept', () => {
    expect(stemLithuanian('ilgai').length).toBeGreaterThanOrEqual(3);
    expect(stemLithuanian('du')).toBe('du');
  });
});

describe('stemPersian', () => {
  it('when a plural or possessive is typed joined, then it shares the stem of the word', () => {
    expect(stemPersian('قیمتها')).toBe('قیمت');
    expect(stemPersian('مشکلم')).toBe('مشکل');
    expect(stemPersian('کارمندان')).toBe('کارمند');
  });

  it('when a joined "می" verb is read, then the prefix goes but the negating "نمی" stays', () => {
    expect(stemPersian('میکند')).toBe('کند');
    expect(stemPersian('نمیکند')).not.toBe(stemPersian('میکند'));
  });

  it('when a word only ends like a suffix, then short stems are kept whole', () => {
    expect(stemPersian('زمان')).toBe('زمان');
    expect(stemPersian('وقت')).toBe('وقت');
  });
});
