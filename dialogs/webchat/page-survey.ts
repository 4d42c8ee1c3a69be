import { z } from 'zod';
import { verifyLink, type LinkVerdict } from '../../src/links/link-signature.js';
import { surveyHints, type PageSurvey } from '../chat-subject.js';

const signatureSchema = z.object({ exp: z.union([z.string(), z.number().int().nonnegative()]).transform(String).optional(), sig: z.string().optional() });

export interface CheckedPageSurvey {
  survey: PageSurvey;
  verdict: LinkVerdict;
}

/**
 * What the web chat page sent in `channelData.survey` (the fields of its personal link or of the
 * widget's parameters), checked against WEBCHAT_SIGNING_SECRET. Only the server decides
 * `verified`; whatever flag the page itself sends is never read.
 */
export function checkPageSurvey(channelData: unknown, secret: string | undefined, now: Date): CheckedPageSurvey {
  const hints = surveyHints(channelData);
  const signature = signatureSchema.safeParse((channelData as { survey?: unknown } | undefined)?.survey ?? {});
  const { exp, sig } = signature.success ? signature.data : {};
  const verdict = verifyLink({ identity: hints.identity, exp, sig }, secret, now);
  return { survey: { ...hints, verified: verdict === 'verified' }, verdict };
}
