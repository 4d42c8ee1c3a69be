import type { Services } from '../../src/app/services.js';
import { getTagger } from '../../src/tagging/tagger.js';
import { DAY_MS, seedResponse, type SeedResponse } from './seed-response.js';

/** A customer comment that tries to run script in the supervisors' pages; it must show as plain text. */
export const HOSTILE_COMMENT = `<img src=x onerror=alert(1)></script><script>alert(2)</script> "quoted" & 'single'`;

const AGENTS = [
  ['ag-ana', 'Ana Ruiz'],
  ['ag-ben', 'Ben Okafor'],
  ['ag-chloe', 'Chloé Martin'],
  ['ag-dev', 'Dev Patel'],
] as const;

/** 30 surveys: 15 promoters (one an angry 9), 6 passives, 9 detractors (NPS = 100 × (15 − 9) / 30 = 20). */
const SURVEYS: Array<[number, string]> = [
  [10, 'Ana sorted out my bill in two minutes, very friendly'],
  [9, 'Quick answer and the agent knew exactly what to do'],
  [10, 'Problem fixed on the first call, thank you'],
  [9, 'Friendly and patient, explained everything clearly'],
  [9, 'No waiting at all this time'],
  [10, 'The technician came the same day'],
  [9, 'Good service, the app showed my refund straight away'],
  [10, 'Helpful and polite'],
  [9, 'Resolved quickly'],
  [10, 'Great, kept me informed by text the whole time'],
  [9, 'Easy and fast'],
  [10, 'Best support call I have had'],
  [9, 'She really listened'],
  [10, 'Fixed my internet in one go'],
  [8, 'Fine, but I had to wait a bit on hold'],
  [7, 'OK in the end but I was transferred twice'],
  [8, 'Good agent, the website is confusing though'],
  [7, 'Took a while to get through'],
  [8, 'Solved, but the price went up again'],
  [7, 'Average'],
  [3, 'I waited 45 minutes on hold and then got cut off'],
  [2, 'Transferred four times and had to repeat everything'],
  [0, HOSTILE_COMMENT],
  [5, 'You charged me twice and nobody explains why'],
  [4, 'The agent did not know anything about my contract'],
  [1, 'Rude agent, hung up on me'],
  [6, 'Still not fixed after three calls'],
  [3, 'Too much paperwork just to change my address'],
  [9, 'Terrible, nobody ever calls back and I am furious'],
  [2, 'Internet keeps dropping every evening'],
];

/** The same 30 surveys each time: stored through the real store and tagger, spread over the last 7 days. */
export function sampleSurveys(now = Date.now()): SeedResponse[] {
  const tagger = getTagger();
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return SURVEYS.map(([score, reason], index) => {
    const [agentId, agentName] = AGENTS[index % AGENTS.length] as readonly [string, string];
    const tagged = tagger.tag(reason, { lang: 'en', score });
    const daysAgo = index % 7;
    // Today's surveys land in the past hour so they never sit in the future.
    const at = daysAgo === 0 ? now - (index + 1) * 60_000 : today - daysAgo * DAY_MS + (8 + (index % 9)) * 3_600_000;
    return {
      id: `sample-${String(index + 1).padStart(2, '0')}`,
      at: new Date(at),
      score,
      channel: index % 3 === 0 ? 'chat' : 'voice',
      agentId,
      agentName,
      ...(index % 3 === 0 ? {} : { campaignId: 'autumn-check-in', phone: `+1555123${String(1000 + index).slice(-4)}` }),
      customerName: `Customer ${index + 1}`,
      reason,
      tags: tagged.tags,
      sentiment: tagged.sentiment,
    };
  });
}

export async function seedSampleSurveys(services: Services, now = Date.now()): Promise<SeedResponse[]> {
  const surveys = sampleSurveys(now);
  for (const survey of surveys) await seedResponse(services, survey);
  return surveys;
}
