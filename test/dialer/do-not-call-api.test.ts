import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, startTestApp, type TestApp } from '../support/test-app.js';
import { FormClient, signIn } from '../review/support/browserless-client.js';
import { api } from './dialer-harness.js';

describe('the do-not-call API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('when a number or a customer id is looked up, then the answer says whether it is on the list, in E.164', async () => {
    expect((await api(app.baseUrl, 'POST', '/api/dnc', { phones: ['+1 212 555 0140'] })).status).toBe(200);
    await app.services.doNotCall.addCustomer('cust-stop');
    expect(await api(app.baseUrl, 'GET', '/api/dnc?phone=%2B1%20(212)%20555-0140')).toEqual({ status: 200, body: { phone: '+12125550140', onList: true } });
    expect(await api(app.baseUrl, 'GET', '/api/dnc?phone=%2B12125550141')).toEqual({ status: 200, body: { phone: '+12125550141', onList: false } });
    expect(await api(app.baseUrl, 'GET', '/api/dnc?customerId=cust-stop')).toEqual({ status: 200, body: { customerId: 'cust-stop', onList: true } });
    expect(await api(app.baseUrl, 'GET', '/api/dnc?customerId=cust-go')).toEqual({ status: 200, body: { customerId: 'cust-go', onList: false } });
  });

  it('when the lookup names both, neither, or a bad number, then it is a 400 with a message', async () => {
    for (const query of ['', '?phone=%2B12125550140&customerId=x', '?phone=12345', '?phone=a&phone=b']) {
      const answer = await api(app.baseUrl, 'GET', `/api/dnc${query}`);
      expect(answer.status, query).toBe(400);
      expect(typeof answer.body.error).toBe('string');
    }
    expect((await api(app.baseUrl, 'GET', '/api/dnc?phone=12345')).body.error).toBe('phone must be an international number in E.164 form, e.g. +15551230001');
  });

  it('when the bearer token takes a number and a customer off the list, then they are off, the answer says so, and an audit line names who without the number', async () => {
    await api(app.baseUrl, 'POST', '/api/dnc', { phones: ['+12125550150'] });
    await app.services.doNotCall.addCustomer('cust-back');
    expect(await api(app.baseUrl, 'DELETE', '/api/dnc?phone=%2B12125550150')).toEqual({ status: 200, body: { phone: '+12125550150', removed: true } });
    expect(await app.services.doNotCall.hasPhone('+12125550150')).toBe(false);
    expect(await api(app.baseUrl, 'DELETE', '/api/dnc?customerId=cust-back')).toEqual({ status: 200, body: { customerId: 'cust-back', removed: true } });
    expect(await app.services.doNotCall.hasCustomer('cust-back')).toBe(false);
    expect(await api(app.baseUrl, 'DELETE', '/api/dnc?phone=%2B12125550150')).toEqual({ status: 200, body: { phone: '+12125550150', removed: false } });
    const audit = app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.audit === 'dnc_removed');
    expect(audit.map(({ by, removed, customerId }) => ({ by, removed, customerId }))).toEqual([
      { by: 'admin', removed: true, customerId: undefined },
      { by: 'admin', removed: true, customerId: 'cust-back' },
      { by: 'admin', removed: false, customerId: undefined },
    ]);
    expect(JSON.stringify(audit)).not.toContain('2125550150');
  });

  it('when a signed-in supervisor (not the bearer token) or nobody asks to take a number off, then it stays on the list', async () => {
    await api(app.baseUrl, 'POST', '/api/dnc', { phones: ['+12125550160'] });
    const client = new FormClient(app.baseUrl);
    expect((await signIn(client, 'admin', TEST_ADMIN_TOKEN)).status).toBe(303);
    const csrf = FormClient.hidden(await (await client.get('/review')).text(), '_csrf');
    const bySession = await fetch(`${app.baseUrl}/api/dnc?phone=%2B12125550160`, { method: 'DELETE', headers: { cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '), 'x-csrf-token': csrf } });
    expect(bySession.status).toBe(403);
    expect(await bySession.json()).toEqual({ error: 'taking an entry off the do-not-call list needs the bearer ADMIN_TOKEN' });
    expect((await fetch(`${app.baseUrl}/api/dnc?phone=%2B12125550160`, { method: 'DELETE' })).status).toBe(401);
    expect(await app.services.doNotCall.hasPhone('+12125550160')).toBe(true);
  });
});
