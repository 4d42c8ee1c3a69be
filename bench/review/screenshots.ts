import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/review/review-assets.js';
import { BENCH_ADMIN_TOKEN, launchChromium, startInProcessApp } from './in-process-app.js';
import { seedSampleSurveys } from './sample-surveys.js';

/** Screen widths: a desktop, and a 390 px phone (`-phone.png`). */
const WIDTHS: Array<[number, string]> = [
  [1280, ''],
  [390, '-phone'],
];

/** `npm run screenshots:review`: every review page with 30 seeded surveys, at a desktop's and a phone's width, as PNGs in docs/screenshots/. */
async function main(): Promise<void> {
  const app = await startInProcessApp();
  const browser = await launchChromium();
  try {
    await app.services.review.accounts.add('alice', 'a long supervisor password');
    await seedSampleSurveys(app.services);
    for (let tries = 0; (await app.services.review.queue.countOpen()) < 10 && tries < 400; tries += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    await app.services.review.queue.assign('sample-21', 'alice', 'admin');
    await app.services.review.queue.addNote('sample-21', 'Called back at 10:20, offered a callback slot before the evening peak.', 'alice');
    const out = join(projectRoot(), 'docs', 'screenshots');
    mkdirSync(out, { recursive: true });
    const shots: Array<[string, string]> = [
      ['review-dashboard', '/review'],
      ['review-agents', '/review/agents'],
      ['review-drivers', '/review/drivers'],
      ['review-transcript', '/review/responses/sample-21'],
      ['review-hostile-comment', '/review/responses/sample-23'],
      ['review-queue', '/review/queue'],
      ['review-responses', '/review/responses'],
      ['review-daily', '/review/daily'],
    ];
    for (const [width, suffix] of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, extraHTTPHeaders: { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` } });
      const page = await context.newPage();
      for (const [name, path] of shots) {
        const file = `${name}${suffix}.png`;
        await page.goto(`${app.base}${path}`);
        await page.screenshot({ path: join(out, file), fullPage: true });
        console.log(`docs/screenshots/${file}`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
