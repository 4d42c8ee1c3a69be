import { surveyLanguage } from '../src/survey/messages/languages.js';
import type { SurveyPrompt } from '../src/survey/survey-prompt.js';
import { PromptAudio } from './prompt-audio.js';
import { gatherTwiml, hangupTwiml } from './twiml.js';

/** Where Twilio posts the answer to a <Gather>: the position travels in the URL, which Twilio signs. */
export function answerUrl(publicUrl: string, prompt: Pick<SurveyPrompt, 'position' | 'language'>, campaign?: string): string {
  if (prompt.position === null) throw new Error('a prompt that ends the call has no answer URL');
  const query = new URLSearchParams({ step: prompt.position.step, attempt: String(prompt.position.attempt), lang: prompt.language });
  // A campaign with its own wording: its turns are worded from it, so the campaign travels (signed) too.
  if (campaign) query.set('campaign', campaign);
  return `${publicUrl}/voice/answer?${query.toString()}`;
}

/** The survey's prompt as one TwiML document: what it says (or plays), then a <Gather> for the next answer or a hang-up. */
export function promptTwiml(prompt: SurveyPrompt, publicUrl: string, audio: PromptAudio = new PromptAudio(publicUrl), campaign?: string): string {
  const language = surveyLanguage(prompt.language);
  const speech = audio.parts(language.code, prompt.replies);
  const voice = audio.voice(language.code);
  const locale = language.voiceLocale;
  if (prompt.position === null) return hangupTwiml(speech, locale, voice);
  return gatherTwiml({ speech, locale, voice, action: answerUrl(publicUrl, prompt, campaign), input: prompt.expects === 'text' ? 'speech' : 'keys' });
}
