import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mailSenderContract, smsSenderContract } from '@taskforce/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { expect } from 'vitest';
import { AwsSmsSender, SesMailSender } from '../src/channels/index';

// The AWS channels, against their SDK clients mocked in memory, held to the same contract as the
// local ones (SMTP to maildev, the SMS sink: packages/local/test/channels.int.test.ts).
const named = (name: string) => Object.assign(new Error(name), { name });

mailSenderContract('SES (SESv2 SendEmail), mocked', () => {
  const mock = mockClient(SESv2Client);
  let n = 0;
  mock.on(SendEmailCommand).callsFake((i) => {
    expect(i.FromEmailAddress).toBe('Taskforce <pager@taskforce.example>');
    return { MessageId: `ses-${++n}` };
  });
  const client = new SESv2Client({ region: 'ap-southeast-1' });
  const broken = (name: string) => {
    const m = mockClient(new SESv2Client({ region: 'ap-southeast-1' }));
    m.on(SendEmailCommand).rejects(named(name));
    return new SesMailSender(m as unknown as SESv2Client, { from: 'x@taskforce.example' });
  };
  return {
    sender: new SesMailSender(client, { from: 'Taskforce <pager@taskforce.example>', configurationSet: 'taskforce-pages' }),
    received: async (to) =>
      mock
        .commandCalls(SendEmailCommand)
        .filter((c) => c.args[0].input.Destination?.ToAddresses?.includes(to))
        .map((c) => ({
          subject: c.args[0].input.Content?.Simple?.Subject?.Data ?? '',
          text: c.args[0].input.Content?.Simple?.Body?.Text?.Data ?? '',
        })),
    refusing: () => broken('MessageRejected'),
    down: () => broken('TooManyRequestsException'),
  };
});

smsSenderContract('End User Messaging SMS (SendTextMessage), mocked', () => {
  const mock = mockClient(PinpointSMSVoiceV2Client);
  let n = 0;
  mock.on(SendTextMessageCommand).callsFake((i) => {
    expect(i).toMatchObject({ OriginationIdentity: 'pool-taskforce', MessageType: 'TRANSACTIONAL' });
    return { MessageId: `sms-${++n}` };
  });
  const broken = (name: string) => {
    const m = mockClient(new PinpointSMSVoiceV2Client({ region: 'ap-southeast-1' }));
    m.on(SendTextMessageCommand).rejects(named(name));
    return new AwsSmsSender(m as unknown as PinpointSMSVoiceV2Client, { originationIdentity: 'pool-taskforce' });
  };
  return {
    sender: new AwsSmsSender(new PinpointSMSVoiceV2Client({ region: 'ap-southeast-1' }), { originationIdentity: 'pool-taskforce' }),
    received: async (to) =>
      mock
        .commandCalls(SendTextMessageCommand)
        .filter((c) => c.args[0].input.DestinationPhoneNumber === to)
        .map((c) => ({ text: c.args[0].input.MessageBody ?? '' })),
    refusing: () => broken('ValidationException'),
    down: () => broken('ThrottlingException'),
  };
});
