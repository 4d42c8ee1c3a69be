import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { FormClient, signIn } from './support/browserless-client.js';

describe('supervisor sessions that end', () => {
  const apps: TestApp[] = [];
  const open = async (environment: Record<string, string> = {}, shareWith?: TestApp): Promise<TestApp> => {
    const app = await startTestApp(environment, shareWith ? { shareRedisWith: shareWith } : {});
    apps.unshift(app);
    return app;
  };
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it('when a session is used without pause, then it still ends SESSION_MAX_HOURS after sign-in, and its cookie says no later', async () => {
    const app = await open({ SESSION_MAX_HOURS: '0.001' });
    const client = new FormClient(app.baseUrl);
    const signedIn = await signIn(client, 'admin', TEST_ADMIN_TOKEN);
    const signedInAt = Date.now();
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.getSetCookie().find((line) => line.startsWith('review_session='))).toMatch(/Max-Age=4;/);
    let lastOk = signedInAt;
    for (;;) {
      const askedAt = Date.now();
      const status = (await client.get('/api/review/summary')).status;
      if (status !== 200) {
        expect(status).toBe(401);
        break;
      }
      lastOk = askedAt;
      if (lastOk - signedInAt > 15_000) throw new Error('the session never ended');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // 0.001 h is 3.6 s after sign-in (which was before signedInAt): no request asked later was let in.
    expect(lastOk - signedInAt).toBeLessThan(3_600);
    expect(Date.now() - signedInAt).toBeGreaterThanOrEqual(3_500);
  });

  it('when ADMIN_TOKEN changes, then sessions signed in with the old token end, while named supervisors and the new token carry on', async () => {
    const before = await open();
    await before.services.review.accounts.add('erin', 'erin long password 1');
    const admin = new FormClient(before.baseUrl);
    const erin = new FormClient(before.baseUrl);
    expect((await signIn(admin, 'admin', TEST_ADMIN_TOKEN)).status).toBe(303);
    expect((await signIn(erin, 'erin', 'erin long password 1')).status).toBe(303);

    const sameToken = await open({}, before);
    for (const client of [admin, erin]) expect((await fetch(`${sameToken.baseUrl}/api/review/summary`, { headers: { cookie: cookies(client) } })).status).toBe(200);

    const newToken = 'a-brand-new-admin-token-9876543210';
    const after = await open({ ADMIN_TOKEN: newToken }, before);
    expect((await fetch(`${after.baseUrl}/api/review/summary`, { headers: { cookie: cookies(admin) } })).status).toBe(401);
    expect((await fetch(`${after.baseUrl}/api/review/summary`, { headers: { cookie: cookies(erin) } })).status).toBe(200);
    const again = new FormClient(after.baseUrl);
    expect((await signIn(again, 'admin', TEST_ADMIN_TOKEN)).status).toBe(401);
    expect((await signIn(again, 'admin', newToken)).status).toBe(303);
    expect((await again.get('/api/review/summary')).status).toBe(200);
  });
});

function cookies(client: FormClient): string {
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}
