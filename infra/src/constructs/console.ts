import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ACK_HEADERS } from '@taskforce/api/ack';
import { CONSOLE_CSP } from '@taskforce/local/console';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ACCESS_LOG_DAYS } from './evidence';

/** The path pattern CloudFront sends to the HTTP API: the console calls `/v1/…` on its own origin. */
export const API_PATH = '/v1/*';
/**
 * The console's sign-in (its backend-for-frontend, functions/src/auth.ts), on the console's own
 * origin too: its `__Host-` session cookie is only ever sent to the origin that set it.
 */
export const SIGN_IN_PATH = '/auth/*';
/** The TAXII server (the exchange function), on the console's origin too: the address the console shows a tool to subscribe to. */
export const TAXII_PATH = '/taxii2/*';
/**
 * The acknowledge link's page (packages/api/src/session/ack.ts, served by the same function), on the
 * console's origin: the link a page's message carries is `<console>/ack/<token>`.
 */
export const ACK_PATH = '/ack/*';

/**
 * The console behaviour's viewer-request function (CloudFront Functions, JavaScript 2.0): a path
 * whose last segment has no file extension is the console, so it gets `/index.html`, as the local
 * runtime serves it; a file path is looked up as it is. This is the SPA fallback. Distribution-wide
 * custom error responses (403/404 → /index.html) would also rewrite the API's own 403 and 404
 * problem documents under `/v1/*` into a 200 page, so they are not used.
 */
export const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * What `/config.json` tells the console (`DeployedConfig` in packages/console/src/auth.ts): the API's
 * URL and the agencies' own identity providers, for which the console offers "Sign in with <label>"
 * (`/auth/login?idp=<name>`). Sign-in itself is the console's backend's business (`/auth/*`): no
 * client id, domain or token endpoint reaches page script.
 */
export interface ConsoleConfig {
  apiUrl: string;
  providers: { name: string; label: string }[];
}

export interface ConsoleProps {
  /** The built console (`index.html`, `assets/`), made by `buildConsole` before synth. */
  dist: string;
  /** Served by the same distribution under `/v1/*`. */
  httpApi: apigw.IHttpApi;
  /** Agencies' own identity providers, by name and the label the console shows. */
  providers?: { name: string; label: string }[];
  /** Where the console bucket's server access logs go (the evidence log bucket, SSE-S3). */
  serverAccessLogs: s3.IBucket;
  /** Retain the buckets with the stack (default); off, a throw-away stack empties and deletes them. */
  deletionProtection: boolean;
  /** A CLOUDFRONT-scope WAF web ACL (ARN) to attach; such ACLs exist only in us-east-1. */
  webAclArn?: string;
}

/**
 * The web console on AWS: a private bucket behind CloudFront (origin access control), with the
 * HTTP API under `/v1/*` of the same distribution, so the console calls its own origin and the API
 * needs no CORS (docs/operations/aws.md, "The console on AWS").
 *
 * - Bucket: all public access blocked, ACLs disabled, TLS 1.2+ only, SSE-S3, server access logs
 *   to the evidence log bucket. SSE-S3, not the data key: the files are the public build of the
 *   console that every visitor downloads, and CloudFront would need that key to read them. Not
 *   versioned: every deploy uploads the build of the commit deployed, and a rollback is a deploy
 *   of the earlier commit; earlier hashed assets are not pruned, so pages already open keep
 *   loading their chunks.
 * - Distribution: HTTPS only (the console redirects from HTTP, the API refuses it), `index.html`
 *   as root object and for every extension-less path, a response headers policy (strict CSP, HSTS,
 *   nosniff, no framing, no referrer) on both behaviours, access logs to their own bucket.
 * - `/v1/*` and `/auth/*` (the console's sign-in): no caching, every viewer header, cookie and
 *   query string but Host forwarded (so `Authorization`, `Idempotency-Key`, `If-Match`, the session
 *   cookie and the provider's `code` and `state` reach the API), all methods. `/ack/*` (the
 *   acknowledge link's page) likewise (X-Forwarded-For carries the viewer's address for its rate
 *   limit), under its own stricter policy: no script at all.
 * - Content: the build, hashed assets cached for a year, `index.html` and a generated
 *   `/config.json` (API URL, agencies' providers) never cached and invalidated on deploy.
 */
export class Console extends Construct {
  readonly bucket: s3.Bucket;
  readonly distributionLogs: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;
  /** The acknowledge link's page: no script at all, its own stylesheet, forms only to itself. */
  readonly ackHeaders: cloudfront.ResponseHeadersPolicy;
  readonly config: ConsoleConfig;
  /** `https://<distribution domain>` */
  readonly url: string;

  constructor(scope: Construct, id: string, props: ConsoleProps) {
    super(scope, id);
    if (!existsSync(join(props.dist, 'index.html')))
      throw new Error(`the console is not built: no index.html in ${props.dist} (buildApp builds it; or run \`pnpm build:console\`)`);
    const stack = Stack.of(this);
    const removal = props.deletionProtection
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };
    const common = {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: s3.BucketEncryption.S3_MANAGED,
      ...removal,
    };

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...common,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.serverAccessLogs,
      serverAccessLogsPrefix: 'console-bucket/',
    });
    // CloudFront's standard logs are written with ACLs, so this bucket keeps them enabled (owner preferred).
    this.distributionLogs = new s3.Bucket(this, 'DistributionLogs', {
      ...common,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      serverAccessLogsBucket: props.serverAccessLogs,
      serverAccessLogsPrefix: 'console-distribution-logs/',
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
    });

    this.headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Taskforce console: strict CSP, HSTS, nosniff, no framing, no referrer',
      securityHeadersBehavior: {
        // The local runtime's: page script calls only its own origin (sign-in is a navigation, not a fetch).
        contentSecurityPolicy: { contentSecurityPolicy: CONSOLE_CSP, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
      customHeadersBehavior: { customHeaders: [{ header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true }] },
    });

    this.ackHeaders = new cloudfront.ResponseHeadersPolicy(this, 'AckHeaders', {
      comment: 'Taskforce acknowledge link: no script, HSTS, nosniff, no framing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: ACK_HEADERS['Content-Security-Policy'], override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    const fallback = new cloudfront.Function(this, 'SpaFallback', {
      comment: 'Extension-less paths are the console: serve /index.html',
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const api = new origins.HttpOrigin(`${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
      readTimeout: Duration.seconds(30),
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Taskforce console and API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        functionAssociations: [{ function: fallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: Object.fromEntries(
        [API_PATH, TAXII_PATH, SIGN_IN_PATH, ACK_PATH].map((path) => [
          path,
          {
            origin: api,
            viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
            allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
            cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
            originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            responseHeadersPolicy: path === ACK_PATH ? this.ackHeaders : this.headers,
          },
        ]),
      ),
      enableLogging: true,
      logBucket: this.distributionLogs,
      logFilePrefix: 'distribution/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });

    this.url = `https://${this.distribution.distributionDomainName}`;
    this.config = { apiUrl: this.url, providers: props.providers ?? [] };

    // Hashed assets first (never pruned: pages already open still load theirs), then the pages
    // that name them, so no index.html is ever served before its assets. The service worker and
    // the web app manifest keep their names, so they are pages too (never cached: a new service
    // worker reaches every installed console on its next check).
    const build = s3deploy.Source.asset(props.dist);
    const PAGES = ['index.html', 'config.json', 'sw.js', 'manifest.webmanifest'];
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      destinationBucket: this.bucket,
      sources: [build],
      exclude: PAGES,
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const pages = new s3deploy.BucketDeployment(this, 'DeployPages', {
      destinationBucket: this.bucket,
      sources: [build, s3deploy.Source.jsonData('config.json', this.config)],
      exclude: ['*'],
      include: PAGES,
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: PAGES.map((p) => `/${p}`),
    });
    pages.node.addDependency(assets);
  }
}
