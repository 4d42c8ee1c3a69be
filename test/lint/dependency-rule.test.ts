import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The project's own ESLint configuration, running only the dependency rule (no-restricted-imports):
 * without the type-aware rules no TypeScript program is built, so a check takes milliseconds
 * instead of the whole project's type analysis.
 */
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked, ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' });

/** The rule ids ESLint reports for `code` as if it were the file at `filePath` (an existing file, so type-aware rules can run). */
async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the dependency rule', () => {
  it('when a core module imports a channel, then lint fails', async () => {
    expect(await ruleIdsFor('src/reports/nps.ts', "export { chatRoutes } from '../../dialogs/chat-routes.js';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/reports/nps.ts', "export { voiceRoutes } from '../../voice/voice-routes.js';\n")).toContain('no-restricted-imports');
  });

  it('when the chat channel imports the voice channel (or the other way round), then lint fails', async () => {
    expect(await ruleIdsFor('dialogs/chat-routes.ts', "export { voiceRoutes } from '../voice/voice-routes.js';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('voice/voice-routes.ts', "export { chatRoutes } from '../dialogs/chat-routes.js';\n")).toContain('no-restricted-imports');
  });

  it('when the core or another channel imports the messaging channel, then lint fails', async () => {
    expect(await ruleIdsFor('src/reports/nps.ts', "export { TextSurvey } from '../../messaging/text-survey.js';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('voice/voice-routes.ts', "export { TextSurvey } from '../messaging/text-survey.js';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('dialogs/chat-routes.ts', "export { TextSurvey } from '../messaging/text-survey.js';\n")).toContain('no-restricted-imports');
  });

  it('when the messaging channel imports voice, then only the shared Twilio signature check is allowed', async () => {
    expect(await ruleIdsFor('messaging/messaging-routes.ts', "export { requireTwilioSignature } from '../voice/twilio-signature.js';\n")).toEqual([]);
    expect(await ruleIdsFor('messaging/messaging-routes.ts', "export { voiceRoutes } from '../voice/voice-routes.js';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('messaging/messaging-routes.ts', "export { chatRoutes } from '../dialogs/chat-routes.js';\n")).toContain('no-restricted-imports');
  });

  it('when the core or the voice channel imports contacts/, or contacts/ imports the chat channel, then lint fails', async () => {
    expect(await ruleIdsFor('src/reports/nps.ts', "export { contactRoutes } from '../../contacts/contact-routes.js';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('voice/voice-routes.ts', "export { contactRoutes } from '../contacts/contact-routes.js';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('contacts/contact-routes.ts', "export { chatRoutes } from '../dialogs/chat-routes.js';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('contacts/contact-routes.ts', "export { nextCallableTime } from '../voice/dialer/calling-window.js';\n")).toEqual([]);
  });

  it('when code deep-imports botbuilder internals or the root of natural, then lint fails', async () => {
    expect(await ruleIdsFor('dialogs/chat-routes.ts', "export { validateAndFixActivity } from 'botbuilder/lib/activityValidator.js';\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/tagging/tagger.ts', "export { default } from 'natural';\n")).toContain('no-restricted-imports');
  });

  it('when the app shell wires a channel in, then lint allows it', async () => {
    expect(await ruleIdsFor('src/app/create-app.ts', "export { chatRoutes } from '../../dialogs/chat-routes.js';\n")).toEqual([]);
  });
});
