/**
 * Turns AWS SDK errors into one-line `LakemeshError`s that name the call, the account, the region
 * and the identity drift read as, and say what to do. No stack trace ever reaches the user.
 */
import { LakemeshError } from '../errors';
import { DRIFT_CODES } from './codes';

/** Where a call went, for messages. */
export interface CallSite {
  /** `lakeformation:ListPermissions`. */
  readonly operation: string;
  readonly account: string;
  readonly region: string;
  /** The assumed role ARN, or `current credentials`. */
  readonly credentials: string;
}

const ACCESS_DENIED: ReadonlySet<string> = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
]);

const NO_CREDENTIALS: ReadonlySet<string> = new Set(['CredentialsProviderError', 'ExpiredToken', 'ExpiredTokenException', 'TokenProviderError']);

/** The error name Lake Formation and Glue use for "no such object". */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'EntityNotFoundException';
}

/** How to fix missing read access, shown with every access-denied message. */
export const READER_ACCESS_HINT =
  'give that identity the read-only policy in docs/drift-json.md and make it a lake formation read-only admin of the account';

export function awsFailure(error: unknown, site: CallSite): LakemeshError {
  if (error instanceof LakemeshError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  const reason = firstLine(error instanceof Error ? error.message : String(error));
  const where = `${site.operation} in account ${site.account} (${site.region}) as ${site.credentials}`;
  if (ACCESS_DENIED.has(name)) {
    return LakemeshError.of(DRIFT_CODES.accessDenied, `access denied to ${where}: ${reason}; ${READER_ACCESS_HINT}`);
  }
  if (NO_CREDENTIALS.has(name)) {
    return LakemeshError.of(
      DRIFT_CODES.noCredentials,
      `no valid aws credentials for ${where}: ${reason}; sign in (e.g. \`aws sso login\`) or set AWS_PROFILE, then run lakemesh drift again`,
    );
  }
  return LakemeshError.of(DRIFT_CODES.awsError, `${where} failed with ${name}: ${reason}`);
}

function firstLine(text: string): string {
  const line = text.split('\n')[0].trim();
  return line === '' ? 'no message' : line;
}
