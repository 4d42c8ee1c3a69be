import type { Logger } from '../src/logging/logger.js';
import { duplicateClient } from '../src/redis/connect.js';
import type { Keys } from '../src/redis/keys.js';
import type { RedisClient } from '../src/redis/redis-client.js';
import type { DoNotCallList } from '../src/store/do-not-call-list.js';
import type { TextInvitationSender } from '../src/survey/text-invitation.js';
import { Pacer } from '../voice/dialer/pacer.js';
import { ContactSurveyQueue } from './contact-survey-queue.js';
import { ContactSurveySender } from './contact-survey-sender.js';
import { ContactSurveyStore } from './contact-survey-store.js';
import { ContactSurveys } from './contact-surveys.js';
import type { SurveyCalls } from './survey-calls.js';
import { policyFromConfig, type PolicyConfig } from './survey-policy.js';

export interface ContactSurveysConfig extends PolicyConfig {
  SURVEY_TEXTS_PER_SECOND: number;
  DEFAULT_LANGUAGE: string;
  REPORT_TIME_ZONE: string;
  DIALER_WORKERS: 'on' | 'off';
}

export interface ContactSurveyParts {
  redis: RedisClient;
  keys: Keys;
  doNotCall: DoNotCallList;
  calls: SurveyCalls;
  /** The messaging channel's sender; without it sms and whatsapp are no reachable channel. */
  texts: TextInvitationSender | undefined;
  clock: () => Date;
  logger: Logger;
  /** The dialer's pacing margin (tests widen it for a loaded machine). */
  pacingMarginMs: number;
}

export interface ContactSurveyModule {
  surveys: ContactSurveys;
  close(): Promise<void>;
}

/** Surveys after contacts: the decision service, and (when this instance runs workers) the sending worker. */
export function createContactSurveys(config: ContactSurveysConfig, parts: ContactSurveyParts): ContactSurveyModule {
  const { redis, keys, logger } = parts;
  // BullMQ blocks and retries on its own connection, as the dialer's does.
  const connection = duplicateClient(redis, { maxRetriesPerRequest: null, enableOfflineQueue: true, commandTimeout: undefined, lazyConnect: true });
  connection.on('error', (error: Error) => logger.warn({ err: error }, 'contact survey redis connection problem'));
  const store = new ContactSurveyStore(redis, keys);
  const queue = new ContactSurveyQueue(connection, keys.contactSurveyQueuePrefix(), logger);
  const surveys = new ContactSurveys({
    redis,
    keys,
    store,
    queue,
    doNotCall: parts.doNotCall,
    calls: parts.calls,
    texts: parts.texts,
    policy: policyFromConfig(config),
    clock: parts.clock,
    defaultLanguage: config.DEFAULT_LANGUAGE,
    defaultTimezone: config.REPORT_TIME_ZONE,
    logger,
  });
  if (config.DIALER_WORKERS === 'on') {
    const sender = new ContactSurveySender({
      pacer: new Pacer(redis, keys),
      textsPerSecond: config.SURVEY_TEXTS_PER_SECOND,
      pacingMarginMs: parts.pacingMarginMs,
      store,
      doNotCall: parts.doNotCall,
      calls: parts.calls,
      texts: parts.texts,
      clock: parts.clock,
      logger,
    });
    queue.startWorker((job, token) => sender.run(job, token), config.SURVEY_TEXTS_PER_SECOND);
  }
  return {
    surveys,
    async close() {
      await queue.close();
      if (connection.status === 'wait') connection.disconnect();
      else await connection.quit().catch(() => connection.disconnect());
    },
  };
}
