import { fileURLToPath } from 'node:url';
import { type AppOptions, docsFromDirectory, jwtAuthenticator, parseCursorKeys } from '@taskforce/api';
import { S3ContentStore, S3EvidenceObjects, S3ExportFiles, s3ClientOnDemand } from '@taskforce/objects';
import { channelDeps } from './channels';
import { cognitoUsers } from './cognito-users';
import { auditSigner, log, required, selectorHasher, tableDeps } from './env';

/**
 * Everything the API function's app is built from, from the function's environment, in one place
 * (the local runtime wires the same app in packages/local):
 * - the table (see `tableDeps`), and `EVIDENCE_BUCKET_NAME`, the evidence bucket, for evidence
 *   upload, download and export, and for the links to audit export files (its S3 client is loaded on first use);
 * - Cognito as the token issuer: `JWT_ISSUER` is `https://cognito-idp.<region>.amazonaws.com/<poolId>`,
 *   `JWT_AUDIENCE` the app client id (required: without an audience check, a token minted for
 *   another client of the pool would pass). Tokens are verified here too, not only by the API's
 *   JWT authorizer;
 * - `CURSOR_KEYS`, the keys that seal list cursors: the JSON of the stack's Secrets Manager
 *   secret (`{"current": "…", "previous": […]}`), put in the environment at deploy time by a
 *   CloudFormation dynamic reference. Without it the function does not start: there is no
 *   default key, and a key made up per instance would refuse the cursors of every other instance;
 * - `MATCHING_KEYS`, the key selectors are hashed with for matching (see `selectorHasher`);
 * - Swagger UI's files, beside the bundle (copied there by infra's bundler), read on the first /docs request;
 * - `USER_POOL_ID`: user administration (/v1/admin/users) through the user pool's admin API (its
 *   client is the runtime's, not the bundle's: functions/test/bundles.int.test.ts);
 * - e-mail through SES and SMS through End User Messaging SMS, for contact methods' verification
 *   codes (see `channelDeps`; loaded on the first code sent).
 * Kept apart from runtime.ts so the workers' bundles do not load the S3 client.
 */
export const apiOptions = (env: NodeJS.ProcessEnv = process.env): AppOptions => {
  const issuer = required('JWT_ISSUER', env);
  let cursorKeys: AppOptions['cursorKeys'];
  try {
    cursorKeys = parseCursorKeys(required('CURSOR_KEYS', env));
  } catch (err) {
    throw new Error(`environment variable CURSOR_KEYS: ${(err as Error).message}`);
  }
  return {
    deps: {
      ...tableDeps(env),
      users: cognitoUsers(required('USER_POOL_ID', env)),
      auditSigner: auditSigner(env),
      selectorHasher: selectorHasher(env),
      content: new S3ContentStore(s3ClientOnDemand(), required('EVIDENCE_BUCKET_NAME', env)),
      exportFiles: new S3ExportFiles(s3ClientOnDemand(), required('EVIDENCE_BUCKET_NAME', env)),
      // Evidence of any size; GuardDuty Malware Protection for S3 tags each object it scanned.
      evidenceObjects: new S3EvidenceObjects(s3ClientOnDemand(), required('EVIDENCE_BUCKET_NAME', env), { malwareScan: 'guardduty' }),
      ...channelDeps(env),
    },
    auth: jwtAuthenticator({
      issuer,
      audience: required('JWT_AUDIENCE', env),
      jwks: new URL(`${issuer.replace(/\/$/, '')}/.well-known/jwks.json`),
    }),
    cursorKeys,
    logger: log,
    docs: docsFromDirectory(fileURLToPath(new URL('./swagger-ui/', import.meta.url))),
  };
};
