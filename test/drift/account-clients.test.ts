/** Where drift's clients and their credentials come from. */
import { LakemeshError } from '../../lib/errors';
import { AssumeRole, CURRENT_CREDENTIALS, DEFAULT_READER_ROLE_NAME, defaultClientsFactory, loadStsAssumeRole, SESSION_NAME, STS_PACKAGE } from '../../lib/drift/account-clients';

const ACCOUNT = '222222222222';
const TEMPORARY = { accessKeyId: 'AKIA', secretAccessKey: 'secret', sessionToken: 'token', expiration: undefined };

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof LakemeshError)) throw new Error(`expected a LakemeshError, got ${String(error)}`);
  return error.message;
}

describe('defaultClientsFactory', () => {
  test('assumes lakemesh-drift-reader in each account by default and signs with its credentials', async () => {
    const assumed: [string, string][] = [];
    const assumeRole: AssumeRole = async (arn, region) => {
      assumed.push([arn, region]);
      return TEMPORARY;
    };
    const clients = await defaultClientsFactory({ assumeRoleLoader: async () => assumeRole })(ACCOUNT, 'eu-west-1');
    expect(DEFAULT_READER_ROLE_NAME).toBe('lakemesh-drift-reader');
    expect(assumed).toEqual([[`arn:aws:iam::${ACCOUNT}:role/lakemesh-drift-reader`, 'eu-west-1']]);
    expect(clients.credentials).toBe(`arn:aws:iam::${ACCOUNT}:role/lakemesh-drift-reader`);
    expect(await clients.lakeFormation.config.region()).toBe('eu-west-1');
    expect(await clients.lakeFormation.config.credentials()).toMatchObject({ accessKeyId: 'AKIA', sessionToken: 'token' });
    expect(await clients.glue.config.credentials()).toMatchObject({ accessKeyId: 'AKIA', sessionToken: 'token' });
  });

  test('assumes --role-name, with a path, in the partition of the region', async () => {
    const assumed: string[] = [];
    const factory = defaultClientsFactory({ roleName: 'audit/reader', assumeRoleLoader: async () => async (arn) => (assumed.push(arn), TEMPORARY) });
    expect((await factory(ACCOUNT, 'cn-north-1')).credentials).toBe(`arn:aws-cn:iam::${ACCOUNT}:role/audit/reader`);
    expect(assumed).toEqual([`arn:aws-cn:iam::${ACCOUNT}:role/audit/reader`]);
  });

  test('reads with the current credentials when asked, assuming nothing', async () => {
    const loader = jest.fn();
    const clients = await defaultClientsFactory({ currentCredentials: true, assumeRoleLoader: loader })(ACCOUNT, 'eu-west-1');
    expect(clients.credentials).toBe(CURRENT_CREDENTIALS);
    expect(loader).not.toHaveBeenCalled();
  });

  test('rejects a role name that is not one, before anything runs', () => {
    expect(() => defaultClientsFactory({ roleName: `arn:aws:iam::${ACCOUNT}:role/reader` })).toThrow(
      `--role-name "arn:aws:iam::${ACCOUNT}:role/reader" is not an iam role name (letters, digits and +=,.@_- only, at most 64 characters, optionally after a path like audit/); pass the name of the reader role, not its arn [LM626]`,
    );
    expect(() => defaultClientsFactory({ roleName: 'x'.repeat(65) })).toThrow('[LM626]');
  });

  test('says how to get on when no sts client is installed', async () => {
    const message = await rejection(defaultClientsFactory({ assumeRoleLoader: async () => undefined })(ACCOUNT, 'eu-west-1'));
    expect(message).toBe(
      `cannot assume arn:aws:iam::${ACCOUNT}:role/lakemesh-drift-reader to read account ${ACCOUNT}: the ${STS_PACKAGE} package is not installed; install it (npm install ${STS_PACKAGE}), or pass --current-credentials to read with the credentials the aws sdk finds [LM624]`,
    );
  });

  test('names the role and the account when the role cannot be assumed', async () => {
    const denied = Object.assign(new Error('User: arn:aws:sts::333333333333:assumed-role/dev/me is not authorized to perform: sts:AssumeRole'), { name: 'AccessDenied' });
    const message = await rejection(defaultClientsFactory({ assumeRoleLoader: async () => () => Promise.reject(denied) })(ACCOUNT, 'eu-west-1'));
    expect(message).toBe(
      `cannot assume arn:aws:iam::${ACCOUNT}:role/lakemesh-drift-reader to read account ${ACCOUNT} (AccessDenied: User: arn:aws:sts::333333333333:assumed-role/dev/me is not authorized to perform: sts:AssumeRole); create the role in that account with the read-only policy in docs/drift-json.md and a trust policy that lets your identity assume it, or pass --role-name [LM624]`,
    );
  });

  test('says to sign in when there are no credentials to assume the role with', async () => {
    const none = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    const message = await rejection(defaultClientsFactory({ assumeRoleLoader: async () => () => Promise.reject(none) })(ACCOUNT, 'eu-west-1'));
    expect(message).toBe(
      `no aws credentials to assume arn:aws:iam::${ACCOUNT}:role/lakemesh-drift-reader with (account ${ACCOUNT}): Could not load credentials from any providers; sign in (e.g. \`aws sso login\`) or set AWS_PROFILE, then run lakemesh drift again [LM622]`,
    );
  });
});

describe('loadStsAssumeRole', () => {
  test('finds AssumeRole exactly when the sts client package resolves', async () => {
    let installed = true;
    try {
      require.resolve(STS_PACKAGE);
    } catch {
      installed = false;
    }
    const assumeRole = await loadStsAssumeRole();
    expect(typeof assumeRole).toBe(installed ? 'function' : 'undefined');
    expect(SESSION_NAME).toBe('lakemesh-drift');
  });
});
