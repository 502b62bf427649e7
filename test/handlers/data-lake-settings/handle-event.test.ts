import {
  DataLakeSettings,
  GetDataLakeSettingsCommand,
  InvalidInputException,
  LakeFormationClient,
  PutDataLakeSettingsCommand,
} from '@aws-sdk/client-lakeformation';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { LakemeshError } from '../../../lib/errors';
import { handleEvent } from '../../../lib/handlers/data-lake-settings/handle-event';
import { fingerprint, PHYSICAL_ID_PREFIX } from '../../../lib/handlers/data-lake-settings/ownership-record';
import {
  admins,
  concurrentModification,
  createEvent,
  deleteEvent,
  dependencies,
  DEPLOY_ROLE,
  fakeClock,
  FOREIGN_ADMIN,
  fresh,
  invalidPrincipal,
  PLATFORM_ADMIN,
  properties,
  settled,
  STEWARD,
  updateEvent,
} from './fixtures';

const lakeFormation = mockClient(LakeFormationClient);

beforeEach(() => {
  lakeFormation.reset();
  lakeFormation.on(PutDataLakeSettingsCommand).resolves({});
});

function currentSettings(settings: DataLakeSettings): void {
  lakeFormation.on(GetDataLakeSettingsCommand).resolves({ DataLakeSettings: settings });
}

function written(call = 0): DataLakeSettings {
  const input = lakeFormation.commandCalls(PutDataLakeSettingsCommand)[call].args[0].input;
  if (!input.DataLakeSettings) throw new Error('PutDataLakeSettings was called without settings');
  return input.DataLakeSettings;
}

function writtenAdmins(call = 0): (string | undefined)[] {
  return (written(call).DataLakeAdmins ?? []).map((admin) => admin.DataLakePrincipalIdentifier);
}

async function failure(promise: Promise<unknown>): Promise<LakemeshError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof LakemeshError)) throw new Error(`expected a LakemeshError, got ${String(error)}`);
  return error;
}

describe('create', () => {
  test('appends our admins after the admins someone else set', async () => {
    currentSettings(fresh(FOREIGN_ADMIN));
    await handleEvent(createEvent(), dependencies());
    expect(writtenAdmins()).toEqual([FOREIGN_ADMIN, DEPLOY_ROLE, PLATFORM_ADMIN]);
  });

  test('clears the database and table default permissions', async () => {
    currentSettings(fresh());
    await handleEvent(createEvent(), dependencies());
    expect(written()).toMatchObject({ CreateDatabaseDefaultPermissions: [], CreateTableDefaultPermissions: [] });
  });

  test.each(['4', '5'])('sets CROSS_ACCOUNT_VERSION to %s', async (version) => {
    currentSettings(fresh());
    await handleEvent(createEvent(properties({ CrossAccountVersion: version })), dependencies());
    expect(written().Parameters).toEqual({ CROSS_ACCOUNT_VERSION: version });
  });

  test('keeps every field it does not own exactly as read', async () => {
    const foreignFields = {
      ReadOnlyAdmins: admins('arn:aws:iam::111111111111:role/auditor'),
      TrustedResourceOwners: ['222222222222'],
      AllowExternalDataFiltering: true,
      AllowFullTableExternalDataAccess: false,
      ExternalDataFilteringAllowList: admins('333333333333'),
      AuthorizedSessionTagValueList: ['Amazon EMR'],
    };
    currentSettings({ ...fresh(FOREIGN_ADMIN), ...foreignFields, Parameters: { CROSS_ACCOUNT_VERSION: '3', SET_CONTEXT: 'TRUE' } });
    await handleEvent(createEvent(), dependencies());
    const put = written();
    const foreignKeys = Object.keys(foreignFields) as (keyof DataLakeSettings)[];
    const keptAsRead = Object.fromEntries(foreignKeys.map((key) => [key, put[key]]));
    expect(JSON.stringify(keptAsRead)).toBe(JSON.stringify(foreignFields));
    expect(put.Parameters).toEqual({ CROSS_ACCOUNT_VERSION: '4', SET_CONTEXT: 'TRUE' });
    expect(Object.keys(put).sort()).toEqual(
      [...foreignKeys, 'DataLakeAdmins', 'CreateDatabaseDefaultPermissions', 'CreateTableDefaultPermissions', 'Parameters'].sort(),
    );
  });

  test('does not list an admin twice when it is already an admin', async () => {
    currentSettings(fresh(PLATFORM_ADMIN, FOREIGN_ADMIN));
    await handleEvent(createEvent(), dependencies());
    expect(writtenAdmins()).toEqual([PLATFORM_ADMIN, FOREIGN_ADMIN, DEPLOY_ROLE]);
  });

  test('writes nothing when the settings are already as wanted', async () => {
    currentSettings(settled(FOREIGN_ADMIN, DEPLOY_ROLE, PLATFORM_ADMIN));
    await handleEvent(createEvent(), dependencies());
    expect(lakeFormation).toHaveReceivedCommandTimes(GetDataLakeSettingsCommand, 1);
    expect(lakeFormation).not.toHaveReceivedCommand(PutDataLakeSettingsCommand);
  });

  test('records in the physical id the admins that were already admins', async () => {
    currentSettings(fresh(PLATFORM_ADMIN));
    const response = await handleEvent(createEvent(properties({ Admins: [PLATFORM_ADMIN, STEWARD] })), dependencies());
    expect(response.PhysicalResourceId).toBe(`${PHYSICAL_ID_PREFIX}:kept=${fingerprint(PLATFORM_ADMIN)}`);
  });

  test('records nothing when none of its admins were admins yet', async () => {
    currentSettings(fresh(FOREIGN_ADMIN));
    const response = await handleEvent(createEvent(), dependencies());
    expect(response.PhysicalResourceId).toBe(PHYSICAL_ID_PREFIX);
  });

  test('does not record the deployment role, which is never removed anyway', async () => {
    currentSettings(fresh(DEPLOY_ROLE));
    const response = await handleEvent(createEvent(properties({ Admins: [DEPLOY_ROLE, PLATFORM_ADMIN] })), dependencies());
    expect(response.PhysicalResourceId).toBe(PHYSICAL_ID_PREFIX);
  });
});

describe('update', () => {
  test('removes an admin dropped from its properties and keeps the foreign ones', async () => {
    currentSettings(settled(FOREIGN_ADMIN, DEPLOY_ROLE, PLATFORM_ADMIN, STEWARD));
    await handleEvent(updateEvent({ Admins: [PLATFORM_ADMIN] }, { Admins: [PLATFORM_ADMIN, STEWARD] }), dependencies());
    expect(writtenAdmins()).toEqual([FOREIGN_ADMIN, DEPLOY_ROLE, PLATFORM_ADMIN]);
  });

  test('keeps a dropped admin that was already an admin when the resource was created', async () => {
    currentSettings(settled(DEPLOY_ROLE, PLATFORM_ADMIN, STEWARD));
    const physicalId = `${PHYSICAL_ID_PREFIX}:kept=${fingerprint(STEWARD)}`;
    await handleEvent(updateEvent({ Admins: [PLATFORM_ADMIN] }, { Admins: [PLATFORM_ADMIN, STEWARD] }, physicalId), dependencies());
    expect(lakeFormation).not.toHaveReceivedCommand(PutDataLakeSettingsCommand);
  });

  test('keeps an admin that moved from its admins to its deployment admins', async () => {
    currentSettings(settled(DEPLOY_ROLE, PLATFORM_ADMIN));
    await handleEvent(
      updateEvent({ Admins: [], DeploymentAdmins: [DEPLOY_ROLE, PLATFORM_ADMIN] }, { Admins: [PLATFORM_ADMIN] }),
      dependencies(),
    );
    expect(lakeFormation).not.toHaveReceivedCommand(PutDataLakeSettingsCommand);
  });

  test('adds a new admin and changes the version', async () => {
    currentSettings(settled(DEPLOY_ROLE, PLATFORM_ADMIN));
    await handleEvent(
      updateEvent({ Admins: [PLATFORM_ADMIN, STEWARD], CrossAccountVersion: '5' }, { Admins: [PLATFORM_ADMIN] }),
      dependencies(),
    );
    expect(writtenAdmins()).toEqual([DEPLOY_ROLE, PLATFORM_ADMIN, STEWARD]);
    expect(written().Parameters).toEqual({ CROSS_ACCOUNT_VERSION: '5' });
  });

  test('keeps the physical id, so that CloudFormation does not see a replacement', async () => {
    currentSettings(settled(DEPLOY_ROLE, PLATFORM_ADMIN));
    const response = await handleEvent(updateEvent({}, {}, `${PHYSICAL_ID_PREFIX}:kept=abc`), dependencies());
    expect(response.PhysicalResourceId).toBeUndefined();
  });

  test('re-running with the same properties writes nothing', async () => {
    currentSettings(settled(FOREIGN_ADMIN, DEPLOY_ROLE, PLATFORM_ADMIN));
    await handleEvent(updateEvent({}, {}), dependencies());
    expect(lakeFormation).not.toHaveReceivedCommand(PutDataLakeSettingsCommand);
  });

  test('restores what someone else changed since the last deployment', async () => {
    currentSettings({ ...settled(FOREIGN_ADMIN), Parameters: { CROSS_ACCOUNT_VERSION: '3' } });
    await handleEvent(updateEvent({}, {}), dependencies());
    expect(writtenAdmins()).toEqual([FOREIGN_ADMIN, DEPLOY_ROLE, PLATFORM_ADMIN]);
    expect(written().Parameters).toEqual({ CROSS_ACCOUNT_VERSION: '4' });
  });
});

describe('delete', () => {
  test('removes only the admins it added', async () => {
    currentSettings(settled(FOREIGN_ADMIN, DEPLOY_ROLE, PLATFORM_ADMIN));
    await handleEvent(deleteEvent(), dependencies());
    expect(writtenAdmins()).toEqual([FOREIGN_ADMIN, DEPLOY_ROLE]);
  });

  test('never removes the deployment role, even when it is listed among its admins too', async () => {
    currentSettings(settled(DEPLOY_ROLE, PLATFORM_ADMIN));
    await handleEvent(deleteEvent(properties({ Admins: [DEPLOY_ROLE, PLATFORM_ADMIN] })), dependencies());
    expect(writtenAdmins()).toEqual([DEPLOY_ROLE]);
  });

  test('leaves the defaults and the version as they are', async () => {
    const current = { ...settled(DEPLOY_ROLE, PLATFORM_ADMIN), Parameters: { CROSS_ACCOUNT_VERSION: '5' } };
    currentSettings(current);
    await handleEvent(deleteEvent(), dependencies());
    expect(written()).toEqual({ ...current, DataLakeAdmins: admins(DEPLOY_ROLE) });
  });

  test('keeps an admin that was already an admin when the resource was created', async () => {
    currentSettings(settled(DEPLOY_ROLE, PLATFORM_ADMIN, STEWARD));
    const physicalId = `${PHYSICAL_ID_PREFIX}:kept=${fingerprint(PLATFORM_ADMIN)}`;
    await handleEvent(deleteEvent(properties({ Admins: [PLATFORM_ADMIN, STEWARD] }), physicalId), dependencies());
    expect(writtenAdmins()).toEqual([DEPLOY_ROLE, PLATFORM_ADMIN]);
  });

  test('does not call lake formation when it has no admins of its own', async () => {
    await handleEvent(deleteEvent(properties({ Admins: [] })), dependencies());
    expect(lakeFormation).not.toHaveReceivedAnyCommand();
  });

  test('writes nothing when its admins are already gone', async () => {
    currentSettings(settled(FOREIGN_ADMIN, DEPLOY_ROLE));
    await handleEvent(deleteEvent(), dependencies());
    expect(lakeFormation).not.toHaveReceivedCommand(PutDataLakeSettingsCommand);
  });

  test('returns no new physical id', async () => {
    currentSettings(settled(DEPLOY_ROLE, PLATFORM_ADMIN));
    expect(await handleEvent(deleteEvent(), dependencies())).toEqual({});
  });
});

describe('concurrent modification', () => {
  test('is retried from a fresh read, so the concurrent writer\'s admin survives', async () => {
    lakeFormation
      .on(GetDataLakeSettingsCommand)
      .resolvesOnce({ DataLakeSettings: fresh() })
      .resolves({ DataLakeSettings: fresh(FOREIGN_ADMIN) });
    lakeFormation.on(PutDataLakeSettingsCommand).rejectsOnce(concurrentModification()).resolves({});
    await handleEvent(createEvent(), dependencies());
    expect(lakeFormation).toHaveReceivedCommandTimes(PutDataLakeSettingsCommand, 2);
    expect(writtenAdmins(1)).toEqual([FOREIGN_ADMIN, DEPLOY_ROLE, PLATFORM_ADMIN]);
  });

  test('gives up after the last attempt with a clear error', async () => {
    currentSettings(fresh());
    lakeFormation.on(PutDataLakeSettingsCommand).rejects(concurrentModification());
    const clock = fakeClock();
    const retryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };
    const error = await failure(handleEvent(createEvent(), { ...dependencies(clock), retryPolicy }));
    expect(error.message).toBe(
      'updating the lake formation data lake settings still failed with ConcurrentModificationException after 3 attempts: another process keeps changing lake formation in this account; let it finish, then retry the deployment [LM312]',
    );
    expect(lakeFormation).toHaveReceivedCommandTimes(PutDataLakeSettingsCommand, 3);
    expect(clock.sleeps).toEqual([50, 100]);
  });
});

test('an invalid input without a principal fails with lake formation\'s reason', async () => {
  currentSettings(fresh());
  lakeFormation.on(PutDataLakeSettingsCommand).rejects(new InvalidInputException({ message: 'Parameters too long', $metadata: {} }));
  const error = await failure(handleEvent(createEvent(), dependencies()));
  expect(error.message).toBe(
    'lake formation rejected the data lake settings ("Parameters too long"): check the admins given to DataLakeSettings and the account\'s admin list [LM313]',
  );
});

describe('a principal that no longer exists', () => {
  test('among our admins fails naming it and saying how to fix it', async () => {
    currentSettings(fresh());
    lakeFormation.on(PutDataLakeSettingsCommand).rejects(invalidPrincipal(STEWARD));
    const error = await failure(handleEvent(createEvent(properties({ Admins: [STEWARD] })), dependencies()));
    expect(error.message).toBe(
      `data lake admin ${STEWARD} does not exist ("Invalid principal, arn: ${STEWARD}"): create it, or remove it from the admins of DataLakeSettings [LM311]`,
    );
  });

  test('among the account\'s other admins fails naming it and saying how to fix it', async () => {
    currentSettings(fresh(FOREIGN_ADMIN));
    lakeFormation.on(PutDataLakeSettingsCommand).rejects(invalidPrincipal(FOREIGN_ADMIN));
    const error = await failure(handleEvent(createEvent(), dependencies()));
    expect(error.message).toBe(
      `the account's data lake admin list holds ${FOREIGN_ADMIN}, which does not exist ("Invalid principal, arn: ${FOREIGN_ADMIN}"), and lake formation refuses every settings change while it is listed: remove it under lake formation > administrative roles and tasks, then retry the deployment [LM311]`,
    );
  });

  test('is not retried', async () => {
    currentSettings(fresh());
    lakeFormation.on(PutDataLakeSettingsCommand).rejects(invalidPrincipal(STEWARD));
    await failure(handleEvent(createEvent(properties({ Admins: [STEWARD] })), dependencies()));
    expect(lakeFormation).toHaveReceivedCommandTimes(PutDataLakeSettingsCommand, 1);
  });
});

test('passes errors it cannot explain through unchanged', async () => {
  const denied = Object.assign(new Error('User is not authorized to perform: lakeformation:GetDataLakeSettings'), {
    name: 'AccessDeniedException',
  });
  lakeFormation.on(GetDataLakeSettingsCommand).rejects(denied);
  await expect(handleEvent(createEvent(), dependencies())).rejects.toThrow(
    'User is not authorized to perform: lakeformation:GetDataLakeSettings',
  );
});

test('fails on properties the construct would not write, naming the field and the value', async () => {
  const error = await failure(handleEvent(createEvent(properties({ CrossAccountVersion: '3' })), dependencies()));
  expect(error.message).toBe(
    'invalid data lake settings properties (ResourceProperties.CrossAccountVersion: invalid option: expected one of "4"|"5", received "3"): the template was not written by the DataLakeSettings construct of this lakemesh version; redeploy with it [LM310]',
  );
  expect(lakeFormation).not.toHaveReceivedAnyCommand();
});
