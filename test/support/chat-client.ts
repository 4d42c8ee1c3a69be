import type { Activity } from 'botbuilder';

export interface ChatReply {
  status: number;
  activities: Array<Partial<Activity>>;
  texts: string[];
}

/** Sends one message the way a Bot Framework channel would, asking for the replies in the response body. */
export async function sendChatMessage(baseUrl: string, conversationId: string, text: string, extra: Record<string, unknown> = {}): Promise<ChatReply> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m-${Math.random().toString(36).slice(2)}`,
      channelId: 'test',
      from: { id: `user-${conversationId}` },
      recipient: { id: 'bot' },
      conversation: { id: conversationId },
      text,
      deliveryMode: 'expectReplies',
      ...extra,
    }),
  });
  const body = response.status === 200 ? ((await response.json()) as { activities?: Array<Partial<Activity>> }) : {};
  const activities = body.activities ?? [];
  return { status: response.status, activities, texts: activities.map((activity) => activity.text ?? '') };
}
