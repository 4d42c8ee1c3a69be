import { describe, expect, it } from 'vitest';
import { PhraseMatcher, patternsOf } from '../../../src/tagging/lexicons/phrase-matcher.js';

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher<string>()
    .addAll('hold, wait*, *schleife, *warte*, on hold, call ? back', 'x');

  const found = (text: string): string[] =>
    matcher.find(text.split(' ')).map((hit) => text.split(' ').slice(hit.start, hit.end + 1).join(' '));

  it('when words match exactly, by prefix, suffix or infix, then each is found', () => {
    expect(found('waited')).toEqual(['waited']);
    expect(found('warteschleife')).toEqual(expect.arrayContaining(['warteschleife']));
    expect(found('erwartung')).toEqual([]);
    expect(found('kundenwartezeit')).toEqual(['kundenwartezeit']);
  });

  it('when a phrase spans words, then it is found with its span, and "?" stands for any one word', () => {
    expect(found('put on hold')).toEqual(expect.arrayContaining(['on hold', 'hold']));
    expect(found('call me back')).toEqual(['call me back']);
    expect(found('call back')).toEqual([]);
  });

  it('when patterns have accents, apostrophes or hyphens, then they are folded like the text', () => {
    expect(patternsOf("file d'attente, Wi-Fi, várakozás*")).toEqual(['file d attente', 'wi fi', 'varakozas*']);
  });
});
