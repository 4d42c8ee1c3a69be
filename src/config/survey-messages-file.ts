import { readFileSync } from 'node:fs';
import { checkMessageOverrides, type MessageOverrides } from '../survey/messages/message-overrides.js';

/** SURVEY_MESSAGES_FILE, read and checked once; its problems are start-up refusals naming the file's language, message and placeholder. */
export function readSurveyMessagesFile(path: string | undefined): { overrides: MessageOverrides; problems: string[] } {
  if (path === undefined) return { overrides: {}, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : 'cannot be read';
    return { overrides: {}, problems: [`SURVEY_MESSAGES_FILE: ${reason}`] };
  }
  const checked = checkMessageOverrides(raw);
  return { overrides: checked.overrides, problems: checked.problems.map((problem) => `SURVEY_MESSAGES_FILE: ${problem}`) };
}
