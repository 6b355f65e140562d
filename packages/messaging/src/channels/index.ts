export * from './push';
export * from './ses';
export * from './sms';
export * from './sms-sink';
export * from './smtp';
