import { ActivityHandler, ActivityTypes, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { detectLanguage } from '../src/language/detect-language.js';
import { TERMINAL_STATUSES } from '../src/store/response-record.js';
import { composeReply } from '../src/survey/compose-reply.js';
import { isSurveyLanguage, surveyLanguage } from '../src/survey/messages/languages.js';
import { chatConversationOf, type ChatConversation } from './chat-conversation.js';
import type { ChatSurveyRecorder } from './chat-survey-recorder.js';
import { START_SURVEY_EVENT } from './chat-transcript-middleware.js';
import { DialogStateConfigurationCache } from './dialog-state-configuration.js';
import { surveyMessage } from './survey-activities.js';
import { SURVEY_DIALOG, type SurveyDialog, type SurveyDialogOptions } from './survey-dialog.js';

export interface SurveyBotOptions {
  conversationState: ConversationState;
  dialog: SurveyDialog;
  recorder: ChatSurveyRecorder;
  businessName: string;
  defaultLanguage: string;
}

/** The survey language: what the channel asked for, else what the first message is written in, else the locale. */
function chooseLanguage(conversation: ChatConversation, firstMessage: string | undefined, locale: string | undefined, fallback: string): string {
  if (conversation.requestedLanguage) return surveyLanguage(conversation.requestedLanguage, fallback).code;
  const detected = firstMessage ? detectLanguage(firstMessage) : 'und';
  if (isSurveyLanguage(detected)) return detected;
  return surveyLanguage(locale, fallback).code;
}

/** Chat channels: starts the survey on the first message (or a `startSurvey` event) and runs its dialog. */
export class SurveyBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly stateConfiguration = new DialogStateConfigurationCache();

  constructor(private readonly options: SurveyBotOptions) {
    super();
    this.dialogState = options.conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(options.dialog);
  }

  // Overrides rather than onMessage/onEvent handlers: each registered handler runs inside two more
  // chains of generator-based awaits (the 'Message' and 'Dialog' events), measurable on every turn.
  protected override async onMessageActivity(context: TurnContext): Promise<void> {
    await this.continueOrBegin(context, context.activity.text ?? '');
  }

  protected override async onEventActivity(context: TurnContext): Promise<void> {
    if (context.activity.name === START_SURVEY_EVENT) await this.continueOrBegin(context, undefined);
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
  }

  private async continueOrBegin(context: TurnContext, firstMessage: string | undefined): Promise<void> {
    this.stateConfiguration.lend(context);
    const dialogContext = await this.dialogs.createContext(context);
    this.stateConfiguration.keep(context);
    if (context.activity.type === ActivityTypes.Message) {
      const result = await dialogContext.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    } else if (dialogContext.activeDialog) {
      return;
    }
    const conversation = chatConversationOf(context);
    const existing = await this.options.recorder.statusOf(conversation);
    if (existing && TERMINAL_STATUSES.includes(existing.status)) {
      const [reply] = composeReply({ say: ['alreadyAnswered'] }, { language: surveyLanguage(existing.language), values: {} });
      if (reply) await context.sendActivity(surveyMessage(reply));
      return;
    }
    conversation.language = chooseLanguage(conversation, firstMessage, context.activity.locale, this.options.defaultLanguage);
    const options: SurveyDialogOptions = {
      language: conversation.language,
      values: { businessName: this.options.businessName, customerName: conversation.subject.customerName, agentName: conversation.subject.agentName },
      ...(firstMessage === undefined ? {} : { firstMessage }),
    };
    await dialogContext.beginDialog(SURVEY_DIALOG, options);
  }
}
