import twilio, { type Twilio } from 'twilio';

export interface TwilioAccount {
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  /** Another REST API host (a local fake in tests). */
  TWILIO_API_URL?: string;
}

/** The real twilio REST client, or undefined without credentials. twilio 6.2 takes no host option, so the base URL is set on the API domain. */
export function createTwilioClient(account: TwilioAccount): Twilio | undefined {
  if (!account.TWILIO_ACCOUNT_SID || !account.TWILIO_AUTH_TOKEN) return undefined;
  const client = twilio(account.TWILIO_ACCOUNT_SID, account.TWILIO_AUTH_TOKEN, { autoRetry: false });
  if (account.TWILIO_API_URL) client.api.baseUrl = account.TWILIO_API_URL;
  return client;
}

/** Deletes a recording given the RecordingUrl Twilio sent (…/Recordings/RE….json or without the suffix). */
export async function deleteTwilioRecording(client: Twilio, recordingUrl: string): Promise<void> {
  const sid = /\/Recordings\/(RE[0-9a-f]{32})/.exec(recordingUrl)?.[1];
  if (sid) await client.recordings(sid).remove();
}

/** Erasure: deletes the recordings of erased calls at Twilio, in the background; a failure leaves the rest erased. */
export function recordingEraser(client: Twilio): (conversations: Array<{ recordingUrl: string | null }>) => Promise<void> {
  return (conversations) => {
    for (const { recordingUrl } of conversations) if (recordingUrl) void deleteTwilioRecording(client, recordingUrl).catch(() => undefined);
    return Promise.resolve();
  };
}
