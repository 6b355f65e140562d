import { type PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { ChannelError, type Sent, type SmsMessage, type SmsSender } from '@taskforce/core';

/** End User Messaging SMS errors no retry will cure: a malformed or opted-out number, a refused message. */
const REFUSED = new Set(['ValidationException', 'ConflictException']);
const NOT_CONFIGURED = new Set(['ResourceNotFoundException', 'AccessDeniedException']);

/**
 * SMS through AWS End User Messaging SMS (`SendTextMessage`, transactional): the id answered is
 * its MessageId, which the delivery status events name. Not available locally: there, SMS go to
 * the runtime's sink.
 */
export class AwsSmsSender implements SmsSender {
  constructor(
    private readonly client: PinpointSMSVoiceV2Client,
    private readonly opts: { originationIdentity: string; configurationSet?: string },
  ) {}

  async send(m: SmsMessage): Promise<Sent> {
    try {
      const out = await this.client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: m.to,
          OriginationIdentity: this.opts.originationIdentity,
          MessageBody: m.text,
          MessageType: 'TRANSACTIONAL',
          ...(m.ref ? { Context: { ref: m.ref } } : {}),
          ...(this.opts.configurationSet ? { ConfigurationSetName: this.opts.configurationSet } : {}),
        }),
      );
      if (!out.MessageId) throw new ChannelError('unavailable', 'End User Messaging SMS answered without a message id');
      return { messageId: out.MessageId };
    } catch (err) {
      if (err instanceof ChannelError) throw err;
      const name = err instanceof Error ? err.name : '';
      const failure = REFUSED.has(name) ? 'rejected' : NOT_CONFIGURED.has(name) ? 'not_configured' : 'unavailable';
      throw new ChannelError(failure, `SMS: ${name || 'error'}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
