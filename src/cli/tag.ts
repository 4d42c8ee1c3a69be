import { getTagger } from '../tagging/tagger.js';
import { LineError, optionalString, requiredString, runCommand } from './jsonl.js';

/** `npm run -s tag`: `{"id","text","lang"?,"score"?}` → `{"id","tags":[…],"sentiment"}` per line. */
const tagger = getTagger();

runCommand((row) => {
  const text = requiredString(row, 'text');
  const lang = optionalString(row, 'lang');
  const { score } = row;
  if (score !== undefined && score !== null && (typeof score !== 'number' || !(score >= 0 && score <= 10))) {
    throw new LineError('"score" must be a number from 0 to 10, or null');
  }
  const result = tagger.tag(text, { lang, score: (score) ?? null });
  return { tags: result.tags, sentiment: result.sentiment };
});
