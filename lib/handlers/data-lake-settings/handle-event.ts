/**
 * The data lake settings custom resource: read the account's settings, edit only what lakemesh
 * owns, write them back, and only when something changed.
 *
 * - Create/Update: add the admins (deployment role included), clear the database and table default
 *   permissions, set `CROSS_ACCOUNT_VERSION`. On update, admins dropped from the properties are
 *   removed, unless they were already admins when the resource was created.
 * - Delete: remove the admins this resource added, nothing else. The deployment role stays (every
 *   stack deployed with the same bootstrap needs it), and the `IAMAllowedPrincipals` defaults are
 *   not restored.
 *
 * The whole read-edit-write cycle is retried on `ConcurrentModificationException`, so a retry
 * edits what the concurrent writer left rather than overwriting it.
 */
import {
  DataLakeSettings,
  GetDataLakeSettingsCommand,
  LakeFormationClient,
  PutDataLakeSettingsCommand,
} from '@aws-sdk/client-lakeformation';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { adminIdentifiers, combineEdits, editAdmins, enforceLakeFormationOnly, SettingsEdit } from './merge-settings';
import { readPreExisting, recordPreExisting } from './ownership-record';
import { parseProperties, SettingsProperties } from './properties';
import { explainPutFailure } from './put-failures';
import { Clock, DEFAULT_RETRY_POLICY, RetryPolicy, withRetries } from './retry';

export interface HandlerDependencies {
  readonly client: LakeFormationClient;
  readonly clock: Clock;
  readonly log: (message: string) => void;
  /** @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

/** What the CDK's custom resource entrypoint expects back: it sends it to CloudFormation. */
export interface HandlerResponse {
  readonly PhysicalResourceId?: string;
}

export async function handleEvent(
  event: CloudFormationCustomResourceEvent,
  dependencies: HandlerDependencies,
): Promise<HandlerResponse> {
  const properties = parseProperties(event.ResourceProperties, 'ResourceProperties');
  switch (event.RequestType) {
    case 'Create':
      return create(properties, dependencies);
    case 'Update':
      return update(properties, parseProperties(event.OldResourceProperties, 'OldResourceProperties'), event.PhysicalResourceId, dependencies);
    case 'Delete':
      return remove(properties, event.PhysicalResourceId, dependencies);
  }
}

async function create(properties: SettingsProperties, dependencies: HandlerDependencies): Promise<HandlerResponse> {
  const deploymentAdmins = new Set(properties.deploymentAdmins);
  let preExisting: string[] = [];
  await applyEdit(dependencies, properties, (current) => {
    const listed = new Set(adminIdentifiers(current));
    preExisting = properties.admins.filter((arn) => listed.has(arn) && !deploymentAdmins.has(arn));
    return ensure(current, properties, []);
  });
  const { physicalId, unrecorded } = recordPreExisting(preExisting);
  if (unrecorded.length > 0) {
    dependencies.log(`too many pre-existing admins to record; these will be removed on delete: ${unrecorded.join(', ')}`);
  }
  return { PhysicalResourceId: physicalId };
}

async function update(
  properties: SettingsProperties,
  old: SettingsProperties,
  physicalId: string,
  dependencies: HandlerDependencies,
): Promise<HandlerResponse> {
  const stillWanted = new Set([...properties.admins, ...properties.deploymentAdmins]);
  const wasPreExisting = readPreExisting(physicalId);
  const dropped = old.admins.filter((arn) => !stillWanted.has(arn) && !wasPreExisting(arn));
  await applyEdit(dependencies, properties, (current) => ensure(current, properties, dropped));
  return {};
}

async function remove(properties: SettingsProperties, physicalId: string, dependencies: HandlerDependencies): Promise<HandlerResponse> {
  const deploymentAdmins = new Set(properties.deploymentAdmins);
  const wasPreExisting = readPreExisting(physicalId);
  const ours = properties.admins.filter((arn) => !deploymentAdmins.has(arn) && !wasPreExisting(arn));
  if (ours.length > 0) {
    await applyEdit(dependencies, properties, (current) => editAdmins(current, { add: [], remove: ours }));
  }
  return {};
}

function ensure(current: DataLakeSettings, properties: SettingsProperties, dropped: readonly string[]): SettingsEdit {
  const admins = editAdmins(current, { add: [...properties.deploymentAdmins, ...properties.admins], remove: dropped });
  return combineEdits(admins, (settings) => enforceLakeFormationOnly(settings, properties.crossAccountVersion));
}

/** One read-edit-write cycle, retried as a whole; no write when the edit changes nothing. */
async function applyEdit(
  dependencies: HandlerDependencies,
  properties: SettingsProperties,
  edit: (current: DataLakeSettings) => SettingsEdit,
): Promise<void> {
  const { client, clock, log } = dependencies;
  const ours = new Set([...properties.admins, ...properties.deploymentAdmins]);
  await withRetries(
    'updating the lake formation data lake settings',
    async () => {
      const response = await client.send(new GetDataLakeSettingsCommand({}));
      const result = edit(response.DataLakeSettings ?? {});
      if (!result.changed) {
        log('data lake settings already as wanted; nothing to write');
        return;
      }
      try {
        await client.send(new PutDataLakeSettingsCommand({ DataLakeSettings: result.settings }));
      } catch (error) {
        throw explainPutFailure(error, ours);
      }
      log(`data lake settings written; admins added: [${result.added.join(', ')}], removed: [${result.removed.join(', ')}]`);
    },
    dependencies.retryPolicy ?? DEFAULT_RETRY_POLICY,
    clock,
    log,
  );
}
