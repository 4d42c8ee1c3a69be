import { Validator } from '@seriousme/openapi-schema-validator';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app.js';
import { expectMatchesOpenApi } from '../support/openapi-responses.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface RouteLike {
  path: string | string[];
  methods: Record<string, boolean>;
}

interface LayerLike {
  route?: RouteLike;
  rawPath?: string | string[];
  handle: { stack?: LayerLike[] };
}

/** Every method and path the app routes (express 5's router stack, sub-routers included), in OpenAPI's `{param}` form. */
function mountedRoutes(stack: LayerLike[], prefix = ''): string[] {
  const routes: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const path of paths) {
        for (const method of Object.keys(layer.route.methods)) {
          if (method === '_all') continue;
          routes.push(`${method.toUpperCase()} ${`${prefix}${path}`.replace(/:(\w+)/g, '{$1}').replace(/(.)\/$/, '$1') || '/'}`);
        }
      }
    } else if (layer.handle.stack) {
      const mounts = Array.isArray(layer.rawPath) ? layer.rawPath : [layer.rawPath ?? ''];
      for (const mount of mounts) routes.push(...mountedRoutes(layer.handle.stack, `${prefix}${mount === '/' ? '' : mount}`));
    }
  }
  return routes;
}

describe('the OpenAPI document', () => {
  let app: TestApp;
  let document: { openapi: string; paths: Record<string, Record<string, unknown>> };

  beforeAll(async () => {
    app = await startTestApp();
    const response = await fetch(`${app.baseUrl}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    document = (await response.json()) as typeof document;
  });
  afterAll(async () => app?.close());

  it('when fetched without credentials, then it is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const verdict = await new Validator().validate(document);
    expect(verdict.errors ?? []).toEqual([]);
    expect(verdict.valid).toBe(true);
  });

  it('when the app’s router stack is walked, then every route it mounts is documented with its method', () => {
    const express = createApp(app.services) as Express & { router: { stack: LayerLike[] } };
    const mounted = [...new Set(mountedRoutes(express.router.stack))];
    const documented = new Set(Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)));
    expect(mounted).toContain('POST /voice/amd');
    expect(mounted.length).toBeGreaterThan(50);
    expect(mounted.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('when the document is read, then every route area is in it', () => {
    for (const path of ['/api/messages', '/v3/directline/conversations', '/voice/incoming', '/voice/amd', '/sms/incoming', '/sms/status', '/api/campaigns/{id}', '/api/contacts', '/api/dnc', '/api/review/erasure', '/api/review/retag', '/api/review/summary', '/review/queue', '/healthz', '/metrics', '/openapi.json']) {
      expect(document.paths[path], path).toBeDefined();
    }
  });

  it('when a body does not fit its documented schema, then the response check fails; when it fits, it passes', async () => {
    const health = await fetch(`${app.baseUrl}/healthz`);
    await expectMatchesOpenApi(app.baseUrl, 'GET', '/healthz', health.status, await health.json());
    await expect(expectMatchesOpenApi(app.baseUrl, 'GET', '/healthz', 200, { status: 'fine' })).rejects.toThrow(/matches its schema/);
    await expect(expectMatchesOpenApi(app.baseUrl, 'GET', '/healthz', 418, {})).rejects.toThrow(/documents status 418/);
  });

  it('when a web chat conversation runs over Direct Line, then every answer, errors included, matches the document', async () => {
    const base = `${app.baseUrl}/v3/directline`;
    const check = async (method: string, template: string, response: Response): Promise<Record<string, unknown>> => {
      const body = (await response.json()) as Record<string, unknown>;
      await expectMatchesOpenApi(app.baseUrl, method, `/v3/directline${template}`, response.status, body);
      return body;
    };
    const issued = await check('POST', '/tokens/generate', await fetch(`${base}/tokens/generate`, { method: 'POST' }));
    const auth = { authorization: `Bearer ${String(issued.token)}`, 'content-type': 'application/json' };
    const started = await check('POST', '/conversations', await fetch(`${base}/conversations`, { method: 'POST', headers: auth }));
    const id = String(started.conversationId);
    await check('POST', '/conversations/{conversationId}/activities', await fetch(`${base}/conversations/${id}/activities`, { method: 'POST', headers: auth, body: JSON.stringify({ type: 'message', text: 'hello' }) }));
    const page = await check('GET', '/conversations/{conversationId}/activities', await fetch(`${base}/conversations/${id}/activities?watermark=0`, { headers: auth }));
    expect((page.activities as unknown[]).length).toBeGreaterThan(0);
    await check('GET', '/conversations/{conversationId}', await fetch(`${base}/conversations/${id}?watermark=1`, { headers: auth }));
    await check('POST', '/tokens/refresh', await fetch(`${base}/tokens/refresh`, { method: 'POST', headers: auth }));
    const expired = await check('GET', '/conversations/{conversationId}/activities', await fetch(`${base}/conversations/${id}/activities`, { headers: auth }));
    expect(expired).toMatchObject({ error: { code: 'TokenExpired' } });
  });

  it('when a Bot Framework activity asks for its replies in the body, then the answer matches the document', async () => {
    const response = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hello', deliveryMode: 'expectReplies', conversation: { id: 'openapi-chat' }, from: { id: 'customer' } }),
    });
    expect(response.status).toBe(200);
    await expectMatchesOpenApi(app.baseUrl, 'POST', '/api/messages', 200, await response.json());
  });
});
