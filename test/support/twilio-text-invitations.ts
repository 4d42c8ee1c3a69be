import twilio from 'twilio';
import type { TextInvitation, TextInvitationResult, TextInvitationSender } from '../../src/survey/text-invitation.js';

/**
 * A small real TextInvitationSender for tests of the callers of the port: one Messages API create
 * with the official client (at the fake Twilio), remembering each invitation it was given. The
 * messaging channel's own sender (templates, segments, status callbacks) is tested where it lives.
 */
export class TwilioTextInvitations implements TextInvitationSender {
  readonly invitations: TextInvitation[] = [];
  private readonly client: ReturnType<typeof twilio>;

  constructor(
    settings: { accountSid: string; authToken: string; apiUrl: string },
    private readonly fromNumber: string,
  ) {
    this.client = twilio(settings.accountSid, settings.authToken, { autoRetry: false });
    this.client.api.baseUrl = settings.apiUrl;
  }

  async invite(invitation: TextInvitation): Promise<TextInvitationResult> {
    this.invitations.push(invitation);
    const address = (phone: string): string => (invitation.channel === 'whatsapp' ? `whatsapp:${phone}` : phone);
    const message = await this.client.messages.create({
      to: address(invitation.phone),
      from: address(this.fromNumber),
      body: `How likely are you to recommend us to a friend? Reply 0-10.`,
    });
    return { sent: true, messageSid: message.sid, segments: 1 };
  }
}
