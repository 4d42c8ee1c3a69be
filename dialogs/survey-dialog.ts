import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { composeReply } from '../src/survey/compose-reply.js';
import { decide, open, type Decision, type SurveyStep } from '../src/survey/engine.js';
import { surveyLanguage } from '../src/survey/messages/languages.js';
import type { MessageValues, RenderedText } from '../src/survey/render-message.js';
import { chatConversationOf } from './chat-conversation.js';
import type { ChatSurveyRecorder } from './chat-survey-recorder.js';
import { scoreQuestionActivity, surveyMessage } from './survey-activities.js';

export const SURVEY_DIALOG = 'survey';
const SCORE_PROMPT = 'scorePrompt';
const REASON_PROMPT = 'reasonPrompt';
const FLOW = 'surveyFlow';
/** The engine's decision on this turn's answer, handed from a prompt validator to the next waterfall step. */
const DECISION = Symbol('surveyDecision');

export interface SurveyDialogOptions {
  language: string;
  values: MessageValues;
  /** The message that opened the conversation: it answers the score question when it is a score. */
  firstMessage?: string;
  /** The score once given, for the wording of later messages. */
  score?: number;
}

/**
 * The chat survey as botbuilder dialogs. Every decision (is this a score, ask again, give up,
 * opt out) is the survey engine's, so chat and voice behave the same.
 */
export class SurveyDialog extends ComponentDialog {
  constructor(private readonly recorder: ChatSurveyRecorder) {
    super(SURVEY_DIALOG);
    this.addDialog(new TextPrompt(SCORE_PROMPT, (prompt) => Promise.resolve(this.validate('score', prompt))));
    this.addDialog(new TextPrompt(REASON_PROMPT, (prompt) => Promise.resolve(this.validate('reason', prompt))));
    this.addDialog(new WaterfallDialog(FLOW, [(step) => this.askScore(step), (step) => this.afterAnswer(step), (step) => this.afterAnswer(step)]));
    this.initialDialogId = FLOW;
  }

  private validate(step: SurveyStep, prompt: PromptValidatorContext<string>): boolean {
    const options = prompt.options as { surveyLanguage?: string };
    const text = prompt.context.activity.text ?? '';
    const decision = decide({ step, attempt: prompt.attemptCount }, { kind: 'text', text }, options.surveyLanguage);
    if (decision.next?.step === step) return false;
    prompt.context.turnState.set(DECISION, decision);
    return true;
  }

  private replies(step: WaterfallStepContext, decision: Pick<Decision, 'say' | 'score'>): RenderedText[] {
    const options = step.options as SurveyDialogOptions;
    return composeReply(decision, { language: surveyLanguage(options.language), values: options.values });
  }

  private async askScore(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as SurveyDialogOptions;
    const opening = open('chat', options.firstMessage, options.language);
    if (opening.event) {
      step.context.turnState.set(DECISION, opening);
      return step.next();
    }
    const replies = this.replies(step, opening);
    const question = replies.pop();
    for (const reply of replies) await step.context.sendActivity(surveyMessage(reply));
    const [retry] = this.replies(step, { say: ['scoreRetry'] });
    return step.prompt(SCORE_PROMPT, {
      prompt: scoreQuestionActivity(question ?? { text: '', speech: '' }),
      ...(retry ? { retryPrompt: scoreQuestionActivity(retry) } : {}),
      surveyLanguage: options.language,
    } as never);
  }

  /** Saves what the answer decided, before saying anything about it, then asks the next question or ends. */
  private async afterAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const decision = step.context.turnState.get<Decision | undefined>(DECISION);
    if (!decision) return step.endDialog();
    const options = step.options as SurveyDialogOptions;
    if (decision.score !== undefined) options.score = decision.score;
    if (decision.event) await this.recorder.record(chatConversationOf(step.context), decision.event, options.score ?? null);
    const replies = this.replies(step, { say: decision.say, score: options.score });
    if (decision.next?.step !== 'reason') {
      for (const reply of replies) await step.context.sendActivity(surveyMessage(reply));
      return step.endDialog();
    }
    const question = replies.pop();
    for (const reply of replies) await step.context.sendActivity(surveyMessage(reply));
    const [retry] = this.replies(step, { say: ['reasonRetry'] });
    return step.prompt(REASON_PROMPT, {
      prompt: surveyMessage(question ?? { text: '', speech: '' }, true),
      ...(retry ? { retryPrompt: surveyMessage(retry, true) } : {}),
      surveyLanguage: options.language,
    } as never);
  }
}
