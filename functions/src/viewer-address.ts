import type { Context } from 'hono';
import type { LambdaEvent } from 'hono/aws-lambda';

/**
 * The viewer's address behind CloudFront: CloudFront appends the address it was reached from to
 * X-Forwarded-For (after whatever the viewer sent, which is not to be trusted); the HTTP API's own
 * source address is CloudFront's, and is skipped if it was appended too.
 */
export const viewerAddress = (c: Context): string => {
  const source = (c.env as { event?: LambdaEvent } | undefined)?.event;
  const sourceIp =
    source && 'requestContext' in source && 'http' in source.requestContext ? source.requestContext.http.sourceIp : undefined;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  if (hops.length > 1 && hops.at(-1) === sourceIp) hops.pop();
  return hops.at(-1) ?? sourceIp ?? 'unknown';
};
