import { parseProperties } from '../../../lib/handlers/data-lake-settings/properties';

const SUFFIX = 'the template was not written by the DataLakeSettings construct of this lakemesh version; redeploy with it [LM310]';

test('reads the version CloudFormation hands over as a string', () => {
  expect(parseProperties({ CrossAccountVersion: '5' }, 'ResourceProperties').crossAccountVersion).toBe('5');
});

test('reads a version given as a number', () => {
  expect(parseProperties({ CrossAccountVersion: 4 }, 'ResourceProperties').crossAccountVersion).toBe('4');
});

test('treats absent admin lists as empty', () => {
  expect(parseProperties({ CrossAccountVersion: '4' }, 'ResourceProperties')).toEqual({
    admins: [],
    deploymentAdmins: [],
    crossAccountVersion: '4',
  });
});

test('drops repeated admins', () => {
  const parsed = parseProperties({ CrossAccountVersion: '4', Admins: ['a', 'b', 'a'], DeploymentAdmins: ['d', 'd'] }, 'x');
  expect(parsed.admins).toEqual(['a', 'b']);
  expect(parsed.deploymentAdmins).toEqual(['d']);
});

test('fails when the version is missing', () => {
  expect(() => parseProperties({}, 'ResourceProperties')).toThrow(
    `invalid data lake settings properties (ResourceProperties.CrossAccountVersion: invalid option: expected one of "4"|"5", received nothing): ${SUFFIX}`,
  );
});

test('fails when the properties are missing altogether', () => {
  expect(() => parseProperties(undefined, 'OldResourceProperties')).toThrow(
    `invalid data lake settings properties (OldResourceProperties.CrossAccountVersion: invalid option: expected one of "4"|"5", received nothing): ${SUFFIX}`,
  );
});

test('fails when admins is not a list, and names every problem at once', () => {
  expect(() => parseProperties({ CrossAccountVersion: '6', Admins: 'arn' }, 'OldResourceProperties')).toThrow(
    `invalid data lake settings properties (OldResourceProperties.Admins: invalid input: expected array, received string; OldResourceProperties.CrossAccountVersion: invalid option: expected one of "4"|"5", received "6"): ${SUFFIX}`,
  );
});

test('fails on an empty admin ARN', () => {
  expect(() => parseProperties({ CrossAccountVersion: '4', DeploymentAdmins: [''] }, 'ResourceProperties')).toThrow(
    `invalid data lake settings properties (ResourceProperties.DeploymentAdmins.0: too small: expected string to have >=1 characters, received ""): ${SUFFIX}`,
  );
});
