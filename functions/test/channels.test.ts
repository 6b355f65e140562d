/**
 * The API's channels on AWS, from its environment: SES and End User Messaging SMS through the
 * shared adapters, made on the first message, and absent (not configured) without their variables.
 */
import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ChannelError } from '@taskforce/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { channelDeps } from '../src/channels';

const POOL = 'arn:aws:sms-voice:ap-southeast-1:111122223333:pool/pool-0123456789abcdef';
const ses = mockClient(SESv2Client);
const sms = mockClient(PinpointSMSVoiceV2Client);
afterEach(() => {
  ses.reset();
  sms.reset();
});

describe('channelDeps', () => {
  it('configures no channel without its variables', () => {
    expect(channelDeps({})).toEqual({});
    expect(Object.keys(channelDeps({ MAIL_FROM: 'taskforce@mail.agency.example' }))).toEqual(['mail']);
    expect(Object.keys(channelDeps({ SMS_ORIGINATION_IDENTITY: POOL }))).toEqual(['sms']);
  });

  it('sends e-mail through SES from the sender, through the configuration set', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const { mail } = channelDeps({ MAIL_FROM: 'taskforce@mail.agency.example', MAIL_CONFIGURATION_SET: 'taskforce-mail' });
    await expect(mail!.send({ to: 'duty@dsi.example', subject: 'code', text: 'Your code is 123456' })).resolves.toEqual({
      messageId: 'ses-1',
    });
    await mail!.send({ to: 'duty@dsi.example', subject: 'code', text: 'again' });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input).toMatchObject({
      FromEmailAddress: 'taskforce@mail.agency.example',
      ConfigurationSetName: 'taskforce-mail',
      Destination: { ToAddresses: ['duty@dsi.example'] },
    });
  });

  it('sends SMS from the origination identity through the configuration set, and says why one was refused', async () => {
    sms
      .on(SendTextMessageCommand)
      .resolvesOnce({ MessageId: 'sms-1' })
      .rejects(Object.assign(new Error('opted out'), { name: 'ValidationException' }));
    const { sms: sender } = channelDeps({ SMS_ORIGINATION_IDENTITY: POOL, SMS_CONFIGURATION_SET: 'taskforce-sms' });
    await expect(sender!.send({ to: '+66812345678', text: 'Your code is 123456' })).resolves.toEqual({ messageId: 'sms-1' });
    expect(sms.commandCalls(SendTextMessageCommand)[0]!.args[0].input).toMatchObject({
      DestinationPhoneNumber: '+66812345678',
      OriginationIdentity: POOL,
      ConfigurationSetName: 'taskforce-sms',
      MessageType: 'TRANSACTIONAL',
    });
    const refused = await sender!.send({ to: '+66812345679', text: 'x' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChannelError);
    expect((refused as ChannelError).failure).toBe('rejected');
  });
});
