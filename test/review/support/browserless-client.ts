/** A tiny cookie-keeping HTTP client for form flows without a browser (redirects not followed). */
export class FormClient {
  readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'GET', headers });
  }

  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.send(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: this.baseUrl, ...headers }, body: new URLSearchParams(fields).toString() });
  }

  /** The value of a hidden input in an HTML page. */
  static hidden(page: string, name: string): string {
    const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(page);
    if (!match?.[1]) throw new Error(`no hidden ${name} in page`);
    return match[1];
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      if (!name) continue;
      const value = rest.join('=');
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }
}

export async function signIn(client: FormClient, username: string, password: string): Promise<Response> {
  const form = await (await client.get('/review/sign-in')).text();
  return client.post('/review/sign-in', { _csrf: FormClient.hidden(form, '_csrf'), next: '/review', username, password });
}
