/** `lakemesh drift`, run in-process against an in-memory Lake Formation. */
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT_CODES } from '../../lib/cli/io';
import { overrideDriftDependencies } from '../../lib/cli/drift-command';
import { CURRENT_CREDENTIALS } from '../../lib/drift/account-clients';
import { FakeAccount, installFakeAws, mockedClients } from '../drift/fake-aws';
import { ANALYST, CENTRAL, CONSUMER, DATABASE, matchingLive, meshStacks, removeWrittenAssemblies, writeAssembly } from '../drift/fixtures';
import { runCli } from './cli-harness';

const noWait = { sleep: async () => undefined, random: () => 0 };
let restore: () => void = () => undefined;

afterEach(() => restore());
afterAll(() => removeWrittenAssemblies());

function withLive(edit: (accounts: Record<string, FakeAccount>) => void = () => undefined): void {
  const accounts = matchingLive();
  edit(accounts);
  installFakeAws(accounts);
}

describe('lakemesh drift', () => {
  beforeEach(() => {
    restore = overrideDriftDependencies({ clients: mockedClients, clock: noWait });
  });

  test('exits 0 and says so when the accounts match the templates', async () => {
    withLive();
    const result = await runCli(['drift', '--cdk-out', writeAssembly(meshStacks())]);
    expect(result).toEqual({
      code: EXIT_CODES.ok,
      stdout: [
        `account ${CENTRAL} (eu-west-1) as arn:aws:iam::${CENTRAL}:role/lakemesh-drift-reader: no drift, 4 grants compared`,
        `account ${CONSUMER} (eu-west-1) as arn:aws:iam::${CONSUMER}:role/lakemesh-drift-reader: no drift, 1 grant compared`,
        'no drift: 2 accounts, 5 grants compared',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  test('exits 2 and prints one line per drift item', async () => {
    withLive((accounts) => accounts[CONSUMER].permissions.splice(0, 1));
    const result = await runCli(['drift', '-d', writeAssembly(meshStacks())]);
    expect(result.code).toBe(EXIT_CODES.drift);
    expect(EXIT_CODES.drift).toBe(2);
    expect(result.stdout).toContain(`  missing      database ${DATABASE}: ${ANALYST}: intended DESCRIBE is not granted [LMD01]\n`);
    expect(result.stdout.endsWith('drift: 1 item in 1 of 2 accounts\n')).toBe(true);
  });

  test('prints JSON on standard output and the summary on standard error with --format json', async () => {
    withLive((accounts) => accounts[CONSUMER].permissions.splice(0, 1));
    const result = await runCli(['drift', '--cdk-out', writeAssembly(meshStacks()), '--format', 'json']);
    expect(result.code).toBe(EXIT_CODES.drift);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ version: 1, drift: true, summary: { accounts: 2, driftItems: 1 } });
    expect(document.accounts[1].items[0]).toMatchObject({ code: 'LMD01', principal: ANALYST, resource: `database ${DATABASE}` });
    expect(result.stderr).toBe('drift: 1 item in 1 of 2 accounts\n');
  });

  test('exits 1 with a hint to synthesize when there is no cloud assembly', async () => {
    const missing = path.join(os.tmpdir(), 'lakemesh-drift-none', 'cdk.out');
    const result = await runCli(['drift', '--cdk-out', missing]);
    expect(result).toEqual({
      code: EXIT_CODES.invalid,
      stdout: '',
      stderr: `cloud assembly directory "${missing}" does not exist; run \`npx cdk synth\` first, or point --cdk-out at the synthesized cloud assembly [LM600]\n1 problem found\n`,
    });
  });

  test('exits 1 when the assembly holds nothing to compare', async () => {
    const directory = writeAssembly([{ id: 'network', account: CENTRAL, region: 'eu-west-1', resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: {} } } }]);
    const result = await runCli(['drift', '--cdk-out', directory]);
    expect(result.code).toBe(EXIT_CODES.invalid);
    expect(result.stderr).toBe(
      `${directory} holds no lake formation grants, data cells filters, lf-tags, data lake settings or glue databases, so drift has nothing to compare; point --cdk-out at the assembly of the mesh (run \`npx cdk synth\` first) [LM627]\n1 problem found\n`,
    );
  });

  test('exits 1 naming the account and the role when aws denies access, without a stack trace', async () => {
    withLive((accounts) => delete accounts[CONSUMER]);
    const result = await runCli(['drift', '--cdk-out', writeAssembly(meshStacks())]);
    expect(result).toEqual({
      code: EXIT_CODES.invalid,
      stdout: '',
      stderr: `access denied to lakeformation:GetDataLakeSettings in account ${CONSUMER} (eu-west-1) as arn:aws:iam::${CONSUMER}:role/lakemesh-drift-reader: no access to catalog ${CONSUMER}; give that identity the read-only policy in docs/drift-json.md and make it a lake formation read-only admin of the account [LM621]\n1 problem found\n`,
    });
  });

  test('lists drift in --help', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toMatch(/drift \[options\]\s+compare live lake formation with the templates\n/);
  });
});

describe('lakemesh drift credentials', () => {
  test('reads with the current credentials when asked', async () => {
    restore = overrideDriftDependencies({ clock: noWait });
    withLive();
    const result = await runCli(['drift', '--cdk-out', writeAssembly(meshStacks()), '--current-credentials']);
    expect(result.code).toBe(EXIT_CODES.ok);
    expect(result.stdout.split('\n')[0]).toBe(`account ${CENTRAL} (eu-west-1) as ${CURRENT_CREDENTIALS}: no drift, 4 grants compared`);
  });

  test('assumes --role-name in every account by default', async () => {
    const assumed: string[] = [];
    const temporary = { accessKeyId: 'AKIA', secretAccessKey: 'secret', sessionToken: 'token', expiration: undefined };
    restore = overrideDriftDependencies({ clock: noWait, assumeRoleLoader: async () => async (arn) => (assumed.push(arn), temporary) });
    withLive();
    const result = await runCli(['drift', '--cdk-out', writeAssembly(meshStacks()), '--role-name', 'auditor']);
    expect(result.code).toBe(EXIT_CODES.ok);
    expect(assumed).toEqual([`arn:aws:iam::${CENTRAL}:role/auditor`, `arn:aws:iam::${CONSUMER}:role/auditor`]);
  });

  test('exits 1 when the role cannot be assumed for want of an sts client', async () => {
    restore = overrideDriftDependencies({ clock: noWait, assumeRoleLoader: async () => undefined });
    const result = await runCli(['drift', '--cdk-out', writeAssembly(meshStacks())]);
    expect(result.code).toBe(EXIT_CODES.invalid);
    expect(result.stderr).toContain(`cannot assume arn:aws:iam::${CENTRAL}:role/lakemesh-drift-reader to read account ${CENTRAL}: the @aws-sdk/client-sts package is not installed`);
  });

  test('exits 1 for a --role-name that is an arn', async () => {
    const directory = writeAssembly(meshStacks());
    const result = await runCli(['drift', '--cdk-out', directory, '--role-name', `arn:aws:iam::${CENTRAL}:role/x`]);
    expect(result).toEqual({
      code: EXIT_CODES.invalid,
      stdout: '',
      stderr: `--role-name "arn:aws:iam::${CENTRAL}:role/x" is not an iam role name (letters, digits and +=,.@_- only, at most 64 characters, optionally after a path like audit/); pass the name of the reader role, not its arn [LM626]\n1 problem found\n`,
    });
  });
});
