import { describe, expect, it } from 'vitest';
import { destinationRule, isPublicAddress, webhookUrlProblem } from '../../src';

describe('webhook destinations', () => {
  it.each([
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['100.64.0.1', false],
    ['169.254.169.254', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['8.8.8.8', true],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['2001:db8::1', false],
    ['2a00:1450:4001::1', true],
    ['not-an-address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it.each([
    ['https://hooks.bank.example/taskforce', undefined],
    ['https://8.8.8.8/in', undefined],
    ['http://hooks.bank.example/in', 'must be an https URL'],
    ['ftp://hooks.bank.example/in', 'must be an https URL'],
    ['https://user:pw@hooks.bank.example/in', 'must not carry credentials'],
    ['https://127.0.0.1:8443/in', 'must not point at a private, loopback or reserved address'],
    ['https://[::1]/in', 'must not point at a private, loopback or reserved address'],
    ['https://[::ffff:169.254.169.254]/in', 'must not point at a private, loopback or reserved address'],
    ['https://localhost/in', 'must name a host on the public internet'],
    ['https://metadata.google.internal/in', 'must name a host on the public internet'],
    ['https://intranet/in', 'must name a host on the public internet'],
    ['not a url', 'must be an absolute URL'],
  ])('%s → %s', (url, problem) => {
    expect(webhookUrlProblem(url)).toBe(problem);
  });

  it('lets the local runtime point at a receiver on this machine, over http', () => {
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', { allowPrivate: true })).toBeUndefined();
    expect(webhookUrlProblem('ftp://127.0.0.1/hook', { allowPrivate: true })).toBe('must be an https URL');
  });

  it('reads the rule a deployment names, public unless told otherwise', () => {
    expect(destinationRule(undefined)).toEqual({});
    expect(destinationRule('public')).toEqual({});
    expect(destinationRule('any')).toEqual({ allowPrivate: true });
    expect(() => destinationRule('private')).toThrow('WEBHOOK_DESTINATIONS');
  });
});
