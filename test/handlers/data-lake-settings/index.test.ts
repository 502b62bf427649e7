import { GetDataLakeSettingsCommand, LakeFormationClient, PutDataLakeSettingsCommand } from '@aws-sdk/client-lakeformation';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { handler } from '../../../lib/handlers/data-lake-settings';
import { createEvent, fresh } from './fixtures';

test('the Lambda entry point answers a create with its physical id', async () => {
  const lakeFormation = mockClient(LakeFormationClient);
  lakeFormation.on(GetDataLakeSettingsCommand).resolves({ DataLakeSettings: fresh() });
  lakeFormation.on(PutDataLakeSettingsCommand).resolves({});
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await expect(handler(createEvent())).resolves.toEqual({ PhysicalResourceId: 'lakemesh-data-lake-settings' });
    expect(lakeFormation).toHaveReceivedCommandTimes(PutDataLakeSettingsCommand, 1);
  } finally {
    log.mockRestore();
    lakeFormation.restore();
  }
});
