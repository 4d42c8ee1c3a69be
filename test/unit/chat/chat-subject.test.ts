import type { ChannelAccount } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { chatStart } from '../../../dialogs/chat-subject.js';
import { checkPageSurvey } from '../../../dialogs/webchat/page-survey.js';
import { signSurveyFields } from '../../../src/links/signed-link.js';

const SECRET = 'chat-subject-unit-secret-0123456789abc';
const NOW = new Date('2027-03-01T12:00:00Z');
const CLAIM = { customerId: 'c-1', customerName: 'Ana', agentId: 'a-1', agentName: 'Sam', campaignId: 'k-1' };

function fromPage(survey: Record<string, unknown>, extra: { from?: ChannelAccount; locale?: string } = {}) {
  const channelData = { survey };
  return chatStart({ channelData, from: extra.from ?? ({ id: 'customer' } as ChannelAccount), ...(extra.locale ? { locale: extra.locale } : {}) }, checkPageSurvey(channelData, SECRET, NOW).survey);
}

describe('who a chat survey is about', () => {
  it('when a Bot Framework channel sends channelData.survey, then every field is taken as sent, campaign included', () => {
    expect(chatStart({ channelData: { survey: { ...CLAIM, language: 'es' } }, from: { id: 'u', name: 'Other' } })).toEqual({ subject: CLAIM, language: 'es' });
  });

  it('when a Bot Framework channel names the sender and sends no customer name, then the sender name is the customer name', () => {
    expect(chatStart({ channelData: {}, from: { id: 'u', name: 'Bea' }, locale: 'de-DE' })).toEqual({ subject: { customerName: 'Bea' }, language: 'de-DE' });
  });

  it('when the web chat page sends a signed identity, then every field is taken', () => {
    expect(fromPage(signSurveyFields(CLAIM, { secret: SECRET, ttlSeconds: 60, now: NOW }))).toEqual({ subject: CLAIM });
  });

  it('when the web chat page sends an unsigned identity, then only the names are taken and the start is unverified', () => {
    expect(fromPage({ ...CLAIM, language: 'fr' })).toEqual({ subject: { customerName: 'Ana', agentName: 'Sam' }, language: 'fr', unverified: true });
  });

  it('when the web chat page says it is verified, then that counts for nothing', () => {
    const survey = { ...CLAIM, verified: true, unverified: false };
    expect(checkPageSurvey({ survey }, SECRET, NOW)).toMatchObject({ survey: { verified: false }, verdict: 'unsigned' });
    expect(fromPage(survey)).toMatchObject({ subject: { customerName: 'Ana', agentName: 'Sam' }, unverified: true });
  });

  it('when the web chat page names the sender, then the name is ignored; with no identity at all the start is not unverified', () => {
    expect(fromPage({}, { from: { id: 'customer', name: 'Mallory' }, locale: 'en-US' })).toEqual({ subject: {}, language: 'en-US' });
  });
});
