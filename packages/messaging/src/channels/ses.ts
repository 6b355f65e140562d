import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ChannelError, type MailMessage, type MailSender, type Sent } from '@taskforce/core';

/** SES errors that no retry will cure: the message or an address is refused, or sending is not allowed from here. */
const REFUSED = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'BadRequestException']);
const NOT_CONFIGURED = new Set(['NotFoundException', 'AccountSuspendedException', 'SendingPausedException', 'AccessDeniedException']);

/**
 * E-mail through Amazon SES (SESv2 `SendEmail`): the id answered is SES's MessageId, which the
 * delivery events (bounce, complaint, delivery) name when they come back on the configuration
 * set's event destination. Not available locally: there, mail goes to maildev over SMTP.
 */
export class SesMailSender implements MailSender {
  constructor(
    private readonly client: SESv2Client,
    private readonly opts: { from: string; configurationSet?: string },
  ) {}

  async send(m: MailMessage): Promise<Sent> {
    try {
      const out = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.opts.from,
          Destination: { ToAddresses: [m.to] },
          Content: {
            Simple: {
              Subject: { Data: m.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: m.text, Charset: 'UTF-8' } },
              ...(m.messageId ? { Headers: [{ Name: 'X-Taskforce-Ref', Value: m.messageId }] } : {}),
            },
          },
          ...(this.opts.configurationSet ? { ConfigurationSetName: this.opts.configurationSet } : {}),
        }),
      );
      if (!out.MessageId) throw new ChannelError('unavailable', 'SES answered without a message id');
      return { messageId: out.MessageId };
    } catch (err) {
      if (err instanceof ChannelError) throw err;
      const name = err instanceof Error ? err.name : '';
      const failure = REFUSED.has(name) ? 'rejected' : NOT_CONFIGURED.has(name) ? 'not_configured' : 'unavailable';
      throw new ChannelError(failure, `SES: ${name || 'error'}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
