import type { TextInvitationSender } from '../survey/text-invitation.js';
import type { ServiceMetrics } from './service-metrics.js';

/** The messaging channel's invitation sender, counting each invitation by channel and outcome (survey_invitations_sent_total). */
export function countedInvitations(sender: TextInvitationSender, metrics: ServiceMetrics): TextInvitationSender {
  return {
    async invite(invitation) {
      try {
        const result = await sender.invite(invitation);
        metrics.invitationsSent.inc({ channel: invitation.channel, outcome: result.sent ? 'sent' : result.reason });
        return result;
      } catch (error) {
        metrics.invitationsSent.inc({ channel: invitation.channel, outcome: 'failed' });
        throw error;
      }
    },
  };
}
