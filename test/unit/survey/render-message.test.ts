import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../../src/survey/render-message.js';

describe('fillTemplate', () => {
  it('when every value is known, then optional segments are kept', () => {
    expect(fillTemplate('Hi[ {name}]! You spoke with[ {agent}].', { name: 'Ana', agent: 'Bo' })).toBe('Hi Ana! You spoke with Bo.');
  });

  it('when a value is unknown or blank, then its optional segment is dropped', () => {
    expect(fillTemplate('Hi[ {name}]! Thanks[ — you spoke with {agent}].', { name: ' ', agent: undefined })).toBe('Hi! Thanks.');
  });

  it('when a value itself looks like a template, then it is inserted as plain text', () => {
    expect(fillTemplate('Hi[ {name}]!', { name: '{agent} [x]', agent: 'Bo' })).toBe('Hi {agent} [x]!');
  });
});
