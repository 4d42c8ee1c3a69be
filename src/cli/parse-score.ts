import { parseScore } from '../scoring/parse-score.js';
import { optionalString, requiredString, runCommand } from './jsonl.js';

/** `npm run -s parse-score`: `{"id","text","lang"?}` → `{"id","score"}` (0–10 or null) per line. */
runCommand((row) => ({ score: parseScore(requiredString(row, 'text'), optionalString(row, 'lang')) }));
