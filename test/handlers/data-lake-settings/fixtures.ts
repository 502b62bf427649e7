/** Events, settings and a fake clock for the data lake settings handler tests. */
import {
  ConcurrentModificationException,
  DataLakeSettings,
  InvalidInputException,
  LakeFormationClient,
} from '@aws-sdk/client-lakeformation';
import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceUpdateEvent,
} from 'aws-lambda';
import type { HandlerDependencies } from '../../../lib/handlers/data-lake-settings/handle-event';
import type { Clock } from '../../../lib/handlers/data-lake-settings/retry';

export const DEPLOY_ROLE = 'arn:aws:iam::111111111111:role/cdk-hnb659fds-cfn-exec-role-111111111111-eu-west-1';
export const PLATFORM_ADMIN = 'arn:aws:iam::111111111111:role/platform-admin';
export const STEWARD = 'arn:aws:iam::111111111111:role/data-steward';
export const FOREIGN_ADMIN = 'arn:aws:iam::111111111111:role/someone-elses-admin';

export interface RawProperties {
  Admins?: string[];
  DeploymentAdmins?: string[];
  CrossAccountVersion?: string;
}

export function properties(overrides: RawProperties = {}): RawProperties & { ServiceToken: string } {
  return {
    ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:provider',
    Admins: [PLATFORM_ADMIN],
    DeploymentAdmins: [DEPLOY_ROLE],
    CrossAccountVersion: '4',
    ...overrides,
  };
}

const common = {
  ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:provider',
  ResponseURL: '...',
  StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/retail-domain-sales/1',
  RequestId: 'request-1',
  LogicalResourceId: 'DataLakeSettings',
  ResourceType: 'Custom::LakemeshDataLakeSettings',
};

export function createEvent(props: RawProperties = properties()): CloudFormationCustomResourceCreateEvent {
  return { ...common, RequestType: 'Create', ResourceProperties: { ...properties(), ...props } };
}

export function updateEvent(
  props: RawProperties,
  oldProps: RawProperties,
  physicalId = 'lakemesh-data-lake-settings',
): CloudFormationCustomResourceUpdateEvent {
  return {
    ...common,
    RequestType: 'Update',
    PhysicalResourceId: physicalId,
    ResourceProperties: { ...properties(), ...props },
    OldResourceProperties: { ...properties(), ...oldProps },
  };
}

export function deleteEvent(
  props: RawProperties = properties(),
  physicalId = 'lakemesh-data-lake-settings',
): CloudFormationCustomResourceDeleteEvent {
  return { ...common, RequestType: 'Delete', PhysicalResourceId: physicalId, ResourceProperties: { ...properties(), ...props } };
}

export function admins(...arns: string[]): DataLakeSettings['DataLakeAdmins'] {
  return arns.map((arn) => ({ DataLakePrincipalIdentifier: arn }));
}

/** Settings as lakemesh leaves them: the defaults cleared and version 4 set. */
export function settled(...adminArns: string[]): DataLakeSettings {
  return {
    DataLakeAdmins: admins(...adminArns),
    CreateDatabaseDefaultPermissions: [],
    CreateTableDefaultPermissions: [],
    Parameters: { CROSS_ACCOUNT_VERSION: '4' },
  };
}

/** A freshly set-up account: IAMAllowedPrincipals gets everything by default. */
export function fresh(...adminArns: string[]): DataLakeSettings {
  const iamAllowed = [{ Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL' as const] }];
  return {
    DataLakeAdmins: admins(...adminArns),
    CreateDatabaseDefaultPermissions: iamAllowed,
    CreateTableDefaultPermissions: iamAllowed,
    Parameters: { CROSS_ACCOUNT_VERSION: '1' },
  };
}

export function concurrentModification(): ConcurrentModificationException {
  return new ConcurrentModificationException({ message: 'Concurrent modification', $metadata: {} });
}

export function invalidPrincipal(arn: string): InvalidInputException {
  return new InvalidInputException({ message: `Invalid principal, arn: ${arn}`, $metadata: {} });
}

export interface FakeClock extends Clock {
  readonly sleeps: number[];
}

/** Never waits; `random` is fixed so delays are predictable. */
export function fakeClock(random = 0.5): FakeClock {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    random: () => random,
  };
}

export function dependencies(clock: Clock = fakeClock()): HandlerDependencies & { logged: string[] } {
  const logged: string[] = [];
  return { client: new LakeFormationClient({ region: 'eu-west-1' }), clock, log: (message) => logged.push(message), logged };
}
