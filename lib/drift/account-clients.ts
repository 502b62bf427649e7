/**
 * Where drift's AWS clients come from. Drift reads each account through clients a factory hands
 * it, so that tests inject mocked clients and the CLI chooses the credentials:
 *
 * - by default it assumes `arn:<partition>:iam::<account>:role/<role-name>` in every account
 *   (`DEFAULT_READER_ROLE_NAME`), with the AWS SDK's default credentials as the source identity;
 * - with `currentCredentials` it reads every account with the SDK's default credentials
 *   (environment, `AWS_PROFILE`, SSO, …), for a single-account mesh or a profile that already
 *   reaches every catalog.
 *
 * The reader role needs read access only, see `READER_POLICY_ACTIONS`, and must be a Lake
 * Formation read-only admin (`ReadOnlyAdmins`) to see every grant.
 */
import { GlueClient } from '@aws-sdk/client-glue';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import { LakemeshError } from '../errors';
import { DRIFT_CODES } from './codes';
import { roleArn } from './resolve-value';

export interface AccountClients {
  readonly lakeFormation: LakeFormationClient;
  readonly glue: GlueClient;
  /** How the clients authenticate, for messages: the assumed role ARN, or `current credentials`. */
  readonly credentials: string;
}

/** Clients for one account and region. May reject with a `LakemeshError` (LM622, LM624). */
export type AccountClientsFactory = (account: string, region: string) => Promise<AccountClients>;

/** @default role name of `lakemesh drift --role-name`. */
export const DEFAULT_READER_ROLE_NAME = 'lakemesh-drift-reader';

/** What the reader role must be allowed (IAM); every one of them only reads. */
export const READER_POLICY_ACTIONS: readonly string[] = [
  'lakeformation:GetDataLakeSettings',
  'lakeformation:ListPermissions',
  'lakeformation:ListDataCellsFilter',
  'lakeformation:ListLFTags',
  'lakeformation:GetResourceLFTags',
  'glue:GetDatabase',
  'glue:GetDatabases',
  'glue:GetTable',
  'glue:GetTables',
];

export const CURRENT_CREDENTIALS = 'current credentials';

/** Role session name drift assumes the reader role with (shows in CloudTrail). */
export const SESSION_NAME = 'lakemesh-drift';

/** Temporary credentials, as STS `AssumeRole` returns them. */
export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date | undefined;
}

/** Assumes a role; `undefined` from the loader means no STS client is installed. */
export type AssumeRole = (roleArn: string, region: string) => Promise<TemporaryCredentials>;
export type AssumeRoleLoader = () => Promise<AssumeRole | undefined>;

/** The package that provides `AssumeRole`. */
export const STS_PACKAGE = '@aws-sdk/client-sts';

/** IAM role names, optionally with a path: `lakemesh-drift-reader`, `audit/lakemesh-drift-reader`. */
export const ROLE_NAME_PATTERN = /^([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

export interface ClientsOptions {
  /** @default DEFAULT_READER_ROLE_NAME */
  readonly roleName?: string;
  /** @default false - assume the reader role in every account */
  readonly currentCredentials?: boolean;
  /** @default - `AssumeRole` of `@aws-sdk/client-sts` */
  readonly assumeRoleLoader?: AssumeRoleLoader;
}

/** The CLI's factory: assume the reader role in each account, or use the current credentials. */
export function defaultClientsFactory(options: ClientsOptions = {}): AccountClientsFactory {
  const roleName = options.roleName ?? DEFAULT_READER_ROLE_NAME;
  if (!ROLE_NAME_PATTERN.test(roleName)) {
    throw LakemeshError.of(
      DRIFT_CODES.invalidRoleName,
      `--role-name "${roleName}" is not an iam role name (letters, digits and +=,.@_- only, at most 64 characters, optionally after a path like audit/); pass the name of the reader role, not its arn`,
    );
  }
  if (options.currentCredentials) {
    return async (_account, region) => ({ lakeFormation: new LakeFormationClient({ region }), glue: new GlueClient({ region }), credentials: CURRENT_CREDENTIALS });
  }
  const loader = options.assumeRoleLoader ?? loadStsAssumeRole;
  return async (account, region) => {
    const arn = roleArn(account, region, roleName);
    const assumeRole = await loader();
    if (assumeRole === undefined) {
      throw LakemeshError.of(
        DRIFT_CODES.assumeRoleFailed,
        `cannot assume ${arn} to read account ${account}: the ${STS_PACKAGE} package is not installed; install it (npm install ${STS_PACKAGE}), or pass --current-credentials to read with the credentials the aws sdk finds`,
      );
    }
    const credentials = await assumeRoleOrExplain(assumeRole, arn, account, region);
    const provider = async () => credentials;
    return {
      lakeFormation: new LakeFormationClient({ region, credentials: provider }),
      glue: new GlueClient({ region, credentials: provider }),
      credentials: arn,
    };
  };
}

async function assumeRoleOrExplain(assumeRole: AssumeRole, arn: string, account: string, region: string): Promise<TemporaryCredentials> {
  try {
    return await assumeRole(arn, region);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    if (name === 'CredentialsProviderError') {
      throw LakemeshError.of(
        DRIFT_CODES.noCredentials,
        `no aws credentials to assume ${arn} with (account ${account}): ${reason}; sign in (e.g. \`aws sso login\`) or set AWS_PROFILE, then run lakemesh drift again`,
      );
    }
    throw LakemeshError.of(
      DRIFT_CODES.assumeRoleFailed,
      `cannot assume ${arn} to read account ${account} (${name}: ${reason}); create the role in that account with the read-only policy in docs/drift-json.md and a trust policy that lets your identity assume it, or pass --role-name`,
    );
  }
}

/** `AssumeRole` through STS, in the region of the account being read. */
export async function loadStsAssumeRole(): Promise<AssumeRole> {
  return async (arn, region) => {
    const response = await new STSClient({ region }).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: SESSION_NAME }));
    const issued = response.Credentials;
    if (!issued?.AccessKeyId || !issued.SecretAccessKey || !issued.SessionToken) {
      throw Object.assign(new Error('sts returned no credentials'), { name: 'IncompleteCredentials' });
    }
    return { accessKeyId: issued.AccessKeyId, secretAccessKey: issued.SecretAccessKey, sessionToken: issued.SessionToken, expiration: issued.Expiration };
  };
}
