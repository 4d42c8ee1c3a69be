/** A small Direct Line 3.0 client over fetch, as Web Chat's DirectLineJS talks to our endpoint. */
export interface DirectLineActivity {
  id: string;
  type: string;
  text?: string;
  name?: string;
  from: { id: string; role?: string };
  suggestedActions?: { actions: Array<{ title?: string; value?: unknown }> };
  channelData?: Record<string, unknown>;
  replyToId?: string;
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export class DirectLineClient {
  token = '';
  conversationId = '';
  watermark = '';

  constructor(
    private readonly baseUrl: string,
    private readonly origin?: string,
  ) {}

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, token = this.token): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (this.origin) headers.origin = this.origin;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/v3/directline${path}`, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T, headers: response.headers };
  }

  /** tokens/generate then POST /conversations, as the page does for a new customer. */
  async start(): Promise<void> {
    const generated = await this.request<{ token: string; conversationId: string }>('POST', '/tokens/generate', undefined, '');
    if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
    this.token = generated.body.token;
    this.conversationId = generated.body.conversationId;
    const started = await this.request('POST', '/conversations', { user: { id: 'customer-1' } });
    if (started.status !== 201) throw new Error(`POST /conversations answered ${started.status}`);
  }

  async post(activity: Record<string, unknown>): Promise<Answer<{ id?: string; error?: string }>> {
    return this.request('POST', `/conversations/${this.conversationId}/activities`, { from: { id: 'customer-1', role: 'user' }, ...activity });
  }

  /** Activities after the watermark; moves the watermark on. */
  async poll(): Promise<DirectLineActivity[]> {
    const answer = await this.request<{ activities: DirectLineActivity[]; watermark: string }>('GET', `/conversations/${this.conversationId}/activities?watermark=${this.watermark}`);
    if (answer.status !== 200) throw new Error(`GET activities answered ${answer.status}`);
    this.watermark = answer.body.watermark;
    return answer.body.activities;
  }

  /** The bot's messages after the watermark. */
  async botMessages(): Promise<DirectLineActivity[]> {
    return (await this.poll()).filter((activity) => activity.from.role === 'bot' && activity.type === 'message');
  }
}
