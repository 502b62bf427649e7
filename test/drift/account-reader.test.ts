/** Retries, pagination bounds and AWS error messages of one account's calls. */
import { GetDataLakeSettingsCommand, AccessDeniedException, ConcurrentModificationException, ThrottledException, InvalidInputException } from '@aws-sdk/client-lakeformation';
import 'aws-sdk-client-mock-jest';
import { LakemeshError } from '../../lib/errors';
import { AccountReader } from '../../lib/drift/account-reader';
import { readSettings } from '../../lib/drift/live-catalog';
import { Clock, RetryPolicy } from '../../lib/drift/retry';
import { lakeFormationMock, mockedClients } from './fake-aws';
import { CENTRAL, REGION } from './fixtures';

const POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 150 };
const ROLE = `arn:aws:iam::${CENTRAL}:role/lakemesh-drift-reader`;

function recordingClock(): Clock & { waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (milliseconds) => void waits.push(milliseconds), random: () => 0.5 };
}

async function reader(clock: Clock): Promise<AccountReader> {
  return new AccountReader(CENTRAL, REGION, await mockedClients(CENTRAL, REGION), { retryPolicy: POLICY, clock });
}

function throttled(): ThrottledException {
  return new ThrottledException({ message: 'Rate exceeded', $metadata: {} });
}

async function failure(promise: Promise<unknown>): Promise<LakemeshError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof LakemeshError)) throw new Error(`expected a LakemeshError, got ${String(error)}`);
  return error;
}

beforeEach(() => lakeFormationMock.reset());

describe('AccountReader', () => {
  test('retries throttling with capped exponential backoff and full jitter, then succeeds', async () => {
    lakeFormationMock
      .on(GetDataLakeSettingsCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(new ConcurrentModificationException({ message: 'busy', $metadata: {} }))
      .resolves({ DataLakeSettings: { DataLakeAdmins: [{ DataLakePrincipalIdentifier: ROLE }] } });
    const clock = recordingClock();
    const settings = await readSettings(await reader(clock));
    expect(settings.admins).toEqual([ROLE]);
    expect(lakeFormationMock).toHaveReceivedCommandTimes(GetDataLakeSettingsCommand, 3);
    // Half of min(150, 100·2^(n-1)): 50 after the first failure, 75 after the second.
    expect(clock.waits).toEqual([50, 75]);
  });

  test('gives up after the bound with a message naming the call and the account', async () => {
    lakeFormationMock.on(GetDataLakeSettingsCommand).rejects(throttled());
    const error = await failure(readSettings(await reader(recordingClock())));
    expect(error.problems).toEqual([
      {
        code: 'LM623',
        path: '',
        message: `lakeformation:GetDataLakeSettings in account ${CENTRAL} (${REGION}) still failed with ThrottledException after 3 attempts: aws is throttling this account's lake formation or glue reads; wait a few minutes (or until running deployments finish) and run lakemesh drift again`,
      },
    ]);
    expect(lakeFormationMock).toHaveReceivedCommandTimes(GetDataLakeSettingsCommand, 3);
  });

  test('never retries access denied, and names the account, the role and the fix', async () => {
    lakeFormationMock.on(GetDataLakeSettingsCommand).rejects(new AccessDeniedException({ message: 'Insufficient Lake Formation permission(s)', $metadata: {} }));
    const error = await failure(readSettings(await reader(recordingClock())));
    expect(error.message).toBe(
      `access denied to lakeformation:GetDataLakeSettings in account ${CENTRAL} (${REGION}) as ${ROLE}: Insufficient Lake Formation permission(s); give that identity the read-only policy in docs/drift-json.md and make it a lake formation read-only admin of the account [LM621]`,
    );
    expect(lakeFormationMock).toHaveReceivedCommandTimes(GetDataLakeSettingsCommand, 1);
  });

  test('explains missing credentials', async () => {
    lakeFormationMock.on(GetDataLakeSettingsCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    const error = await failure(readSettings(await reader(recordingClock())));
    expect(error.message).toBe(
      `no valid aws credentials for lakeformation:GetDataLakeSettings in account ${CENTRAL} (${REGION}) as ${ROLE}: Could not load credentials from any providers; sign in (e.g. \`aws sso login\`) or set AWS_PROFILE, then run lakemesh drift again [LM622]`,
    );
  });

  test('passes any other aws error on with its name and first line', async () => {
    lakeFormationMock.on(GetDataLakeSettingsCommand).rejects(new InvalidInputException({ message: 'Invalid catalog id\nmore detail', $metadata: {} }));
    const error = await failure(readSettings(await reader(recordingClock())));
    expect(error.message).toBe(`lakeformation:GetDataLakeSettings in account ${CENTRAL} (${REGION}) as ${ROLE} failed with InvalidInputException: Invalid catalog id [LM625]`);
  });

  test('treats throttling the sdk marks as such as retryable whatever its name', async () => {
    const marked = Object.assign(new Error('slow down'), { name: 'SlowDown', $retryable: { throttling: true } });
    lakeFormationMock.on(GetDataLakeSettingsCommand).rejectsOnce(marked).resolves({ DataLakeSettings: {} });
    await expect(readSettings(await reader(recordingClock()))).resolves.toMatchObject({ admins: [] });
  });

  test('stops a pagination that repeats its token', async () => {
    const clock = recordingClock();
    const pages = await (await reader(clock)).paginate('lakeformation:ListLFTags', async () => ({ items: [1], nextToken: 'same' }));
    expect(pages).toEqual([1, 1]);
  });
});
