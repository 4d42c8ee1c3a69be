import { describe, expect, it } from 'vitest';
import { matchAgent } from '../../src/review/agent-match.js';
import { clearlyAbove, groupOverlapping } from '../../src/review/pages/agent-groups.js';
import { npsEffect } from '../../src/review/pages/drivers-page.js';
import { formatNps, formatWholeNps } from '../../src/review/pages/format.js';
import { channelLabel, languageLabel, reviewReasonLabel, statusLabel, tagLabel } from '../../src/review/pages/labels.js';
import { TERMINAL_STATUSES } from '../../src/store/response-record.js';
import { TAG_IDS } from '../../src/tagging/taxonomy.js';

const AGENTS = [
  { agentId: 'ag-sam', agentName: 'Sam Carter' },
  { agentId: 'ag-samira', agentName: 'Samira Haddad' },
  { agentId: 'ag-chloe', agentName: 'Chloé Martin' },
  { agentId: 'ag-7', agentName: null },
];

describe('agent filter words', () => {
  it('when the text is an id, a whole name in any case, or the start of one word, then it finds that one agent', () => {
    expect(matchAgent('ag-7', AGENTS)).toEqual({ kind: 'found', agent: AGENTS[3] });
    expect(matchAgent('AG-SAM', AGENTS)).toEqual({ kind: 'found', agent: AGENTS[0] });
    expect(matchAgent('sam  carter', AGENTS)).toEqual({ kind: 'found', agent: AGENTS[0] });
    expect(matchAgent('carter', AGENTS)).toEqual({ kind: 'found', agent: AGENTS[0] });
    expect(matchAgent('chloe', AGENTS)).toEqual({ kind: 'found', agent: AGENTS[2] });
    expect(matchAgent('Samira', AGENTS)).toEqual({ kind: 'found', agent: AGENTS[1] });
  });

  it('when the text starts two names, then it is ambiguous and names both; when it matches none, it is unknown', () => {
    expect(matchAgent('sa', AGENTS)).toEqual({ kind: 'ambiguous', text: 'sa', candidates: [AGENTS[0], AGENTS[1]] });
    expect(matchAgent('Sam Smith', AGENTS)).toEqual({ kind: 'unknown', text: 'Sam Smith' });
    expect(matchAgent('sam', [])).toEqual({ kind: 'unknown', text: 'sam' });
  });
});

describe('agent groups', () => {
  it('when A overlaps B and B overlaps C but A misses C, then A and B are one group and C starts the next, clearly below A only', () => {
    const a = { id: 'a', low: 30, high: 70 };
    const b = { id: 'b', low: 0, high: 40 };
    const c = { id: 'c', low: -30, high: 10 };
    expect(groupOverlapping([a, b, c])).toEqual([[a, b], [c]]);
    expect(clearlyAbove(c, [a, b])).toEqual([a]);
  });

  it('when every interval overlaps every other, then there is one group; with none, no groups', () => {
    const agents = [
      { low: -10, high: 50 },
      { low: -20, high: 40 },
      { low: -30, high: 20 },
    ];
    expect(groupOverlapping(agents)).toEqual([agents]);
    expect(groupOverlapping([])).toEqual([]);
  });
});

describe('page words', () => {
  it('when a status, tag, review reason or channel is shown, then it reads as words, the channels still being added included', () => {
    for (const value of [...TERMINAL_STATUSES, 'in_progress']) expect(statusLabel(value)).toMatch(/^[A-Z][a-z ,]+$/);
    expect(statusLabel('opted_out')).toBe('Opted out');
    expect(statusLabel('in_progress')).toBe('In progress');
    for (const tag of TAG_IDS) expect(tagLabel(tag)).not.toMatch(/_/);
    expect(tagLabel('price_billing')).toBe('Price and billing');
    expect(reviewReasonLabel('mismatch')).toBe('Score and comment disagree');
    expect([channelLabel('voice'), channelLabel('chat'), channelLabel('sms'), channelLabel('whatsapp')]).toEqual(['Phone call', 'Chat', 'Text message', 'WhatsApp']);
    expect(channelLabel('video_call')).toBe('Video call');
    expect(languageLabel('hu')).toBe('Hungarian');
    expect(languageLabel('not a tag')).toBe('not a tag');
  });

  it('when a tag lowers the NPS, then its effect says it costs points; when it raises it, that it adds them', () => {
    expect(npsEffect(9.46).value).toBe('<span class="effect harm" data-effect="harm">costs 9.5 NPS points</span>');
    expect(npsEffect(-3.1).value).toBe('<span class="effect help" data-effect="help">adds 3.1 NPS points</span>');
    expect(npsEffect(1).value).toContain('costs 1.0 NPS point<');
    expect(npsEffect(0.01).value).toContain('no effect');
    expect(npsEffect(null).value).toContain('—');
  });

  it('when an NPS is negative, then it carries a minus sign, not a hyphen', () => {
    expect(formatNps(-4)).toBe('−4.0');
    expect(formatNps(16.66)).toBe('+16.7');
    expect(formatNps(0)).toBe('0.0');
    expect([formatWholeNps(-19.6), formatWholeNps(18.2), formatWholeNps(0.3)]).toEqual(['−20', '+18', '0']);
  });
});
