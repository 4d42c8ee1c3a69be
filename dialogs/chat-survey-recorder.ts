import type { DoNotCallList } from '../src/store/do-not-call-list.js';
import type { ResponseStatus, TranscriptTurn } from '../src/store/response-record.js';
import type { NewResponse, ResponseStore, StoredEvent, TurnResult } from '../src/store/response-store.js';
import type { SurveyEvent } from '../src/survey/engine.js';
import type { ReasonTagger } from '../src/tagging/tagger.js';
import type { ChatConversation } from './chat-conversation.js';

function newResponse(conversation: ChatConversation): NewResponse {
  return {
    channel: 'chat',
    conversationId: conversation.conversationId,
    channelId: conversation.channelId,
    language: conversation.language,
    ...conversation.subject,
    ...(conversation.test ? { test: true } : {}),
  };
}

/** Saves what happens in a chat survey: each answer the moment it is known, and the transcript of every turn. */
export class ChatSurveyRecorder {
  constructor(
    private readonly store: ResponseStore,
    private readonly doNotCall: DoNotCallList,
    private readonly tagger: () => ReasonTagger,
  ) {}

  async record(conversation: ChatConversation, event: SurveyEvent, score: number | null): Promise<TurnResult> {
    // Before the save, as on the phone: nobody is told they opted out unless the list already has them.
    if (event.type === 'optedOut' && conversation.subject.customerId) await this.doNotCall.addCustomer(conversation.subject.customerId);
    return this.store.applyTurn({
      id: conversation.responseId,
      create: newResponse(conversation),
      event: this.storedEvent(event, score),
      ...(event.type === 'score' ? {} : { position: null }),
      returnResponse: false,
    });
  }

  async appendTurns(conversation: ChatConversation, turns: TranscriptTurn[]): Promise<void> {
    if (turns.length === 0) return;
    await this.store.applyTurn({ id: conversation.responseId, create: newResponse(conversation), turns, returnResponse: false });
  }

  async statusOf(conversation: ChatConversation): Promise<{ status: ResponseStatus; language: string } | null> {
    return this.store.statusOf(conversation.responseId);
  }

  private storedEvent(event: SurveyEvent, score: number | null): StoredEvent {
    switch (event.type) {
      case 'score':
      case 'optedOut':
        return event;
      case 'gaveUp':
        return { type: 'ended' };
      case 'reason': {
        const tagger = this.tagger();
        const tagged = tagger.tag(event.reason, { score });
        return { type: 'reason', reason: event.reason, tags: tagged.tags, sentiment: tagged.sentiment, language: tagged.lang, taggerVersion: tagger.version };
      }
    }
  }
}
