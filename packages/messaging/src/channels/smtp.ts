import { ChannelError, type MailMessage, type MailSender, type Sent } from '@taskforce/core';
import nodemailer, { type Transporter } from 'nodemailer';

export interface SmtpOptions {
  host: string;
  port: number;
  /** The sender address every message carries. */
  from: string;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it (never for a local server). */
  secure?: boolean;
  /** A local development server (maildev) speaks plain SMTP: no STARTTLS is attempted. */
  local?: boolean;
  /** How long to wait for the server to answer, in milliseconds (default 10 s). */
  timeoutMs?: number;
}

const PERMANENT = /^5\d\d$/;

/**
 * E-mail over SMTP (nodemailer): locally to the maildev server the runtime starts, whose web UI
 * and REST API show what was sent. The id answered is the message's Message-ID. A 5xx answer is
 * a refusal for good; anything else that fails (no connection, a 4xx, a timeout) may pass later.
 */
export class SmtpMailSender implements MailSender {
  private readonly transport: Transporter;
  constructor(private readonly opts: SmtpOptions) {
    const timeout = opts.timeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport({
      host: opts.host,
      port: opts.port,
      secure: opts.secure ?? false,
      ignoreTLS: opts.local ?? false,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(m: MailMessage): Promise<Sent> {
    try {
      const info = await this.transport.sendMail({
        from: this.opts.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.messageId ? { messageId: m.messageId } : {}),
      });
      if ((info.rejected ?? []).length > 0) throw new ChannelError('rejected', 'the SMTP server refused the recipient');
      return { messageId: info.messageId };
    } catch (err) {
      if (err instanceof ChannelError) throw err;
      const code = (err as { responseCode?: number }).responseCode;
      const why = err instanceof Error ? err.message : String(err);
      throw new ChannelError(code !== undefined && PERMANENT.test(String(code)) ? 'rejected' : 'unavailable', `SMTP: ${why}`);
    }
  }
}
