import { randomBytes } from 'node:crypto';
import { ConfigError } from './config-error.js';
import { environmentSchema, type RawEnvironment } from './schema.js';
import { readSurveyMessagesFile } from './survey-messages-file.js';
import { SURVEY_LANGUAGE_CODES } from '../survey/messages/languages.js';
import type { MessageOverrides } from '../survey/messages/message-overrides.js';

export interface Config extends RawEnvironment {
  isProduction: boolean;
  PUBLIC_URL: string;
  ADMIN_TOKEN: string;
  /** True when ADMIN_TOKEN was generated for this run (development only). */
  adminTokenGenerated: boolean;
  /** True when MicrosoftAppId is empty: Bot Framework authentication is off. */
  botAuthDisabled: boolean;
  /** SURVEY_MESSAGES_FILE's wording, checked (empty when unset). */
  surveyMessages: MessageOverrides;
}

function languageProblems(env: RawEnvironment): string[] {
  const unsupported = (env.VOICE_LANGUAGE_MENU ?? []).filter((code) => !SURVEY_LANGUAGE_CODES.includes(code));
  return unsupported.length > 0 ? [`VOICE_LANGUAGE_MENU: ${unsupported.join(', ')} not a survey language (known: ${SURVEY_LANGUAGE_CODES.join(', ')})`] : [];
}

function productionProblems(env: RawEnvironment): string[] {
  const problems: string[] = [];
  if (!env.TWILIO_AUTH_TOKEN) problems.push('TWILIO_AUTH_TOKEN: required in production');
  if (!env.ADMIN_TOKEN) problems.push('ADMIN_TOKEN: required in production');
  if (!env.PUBLIC_URL) problems.push('PUBLIC_URL: required in production');
  else if (!env.PUBLIC_URL.startsWith('https://')) problems.push('PUBLIC_URL: must be an https URL in production');
  if (!env.MicrosoftAppId) problems.push('MicrosoftAppId: required in production (Bot Framework authentication)');
  if (!env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required in production (Bot Framework authentication)');
  }
  if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  return problems;
}

/** Parses and checks the environment once at start-up; throws ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) throw ConfigError.fromZod(parsed.error);
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  const surveyMessages = readSurveyMessagesFile(env.SURVEY_MESSAGES_FILE);
  const languageChecks = [...languageProblems(env), ...surveyMessages.problems];
  if (languageChecks.length > 0) throw new ConfigError(languageChecks);
  if (isProduction) {
    const problems = productionProblems(env);
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return {
    ...env,
    isProduction,
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    ADMIN_TOKEN: env.ADMIN_TOKEN ?? randomBytes(24).toString('base64url'),
    adminTokenGenerated: env.ADMIN_TOKEN === undefined,
    botAuthDisabled: !env.MicrosoftAppId,
    surveyMessages: surveyMessages.overrides,
  };
}
