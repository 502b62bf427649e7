/**
 * Small L1 fixtures for the DataMesh rules: a stack per test, resources built from CloudFormation
 * types, and the pack's findings flattened to one row per (rule, resource).
 */
import { App, CfnResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import {
  DATA_STORE_METADATA_KEY,
  GRANT_METADATA_KEY,
  GrantMetadata,
} from '../../lib/grants/grant-metadata';
import { DataMeshChecks } from '../../lib/nag';

export const CENTRAL_ACCOUNT = '111111111111';
export const PRODUCER_ACCOUNT = '222222222222';
export const CONSUMER_ACCOUNT = '444444444444';
export const CONSUMER_ROLE = `arn:aws:iam::${CONSUMER_ACCOUNT}:role/marketing-analyst`;
export const CENTRAL_ROLE = `arn:aws:iam::${CENTRAL_ACCOUNT}:role/governance-admin`;

/** A stack in `account` (the central account by default), in its own app. */
export function newStack(account: string = CENTRAL_ACCOUNT): Stack {
  return new Stack(new App(), 'Fixture', { env: { account, region: 'eu-west-1' } });
}

/** An environment-agnostic stack: its account is `AWS::AccountId`. */
export function newAgnosticStack(): Stack {
  return new Stack(new App(), 'Fixture');
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: string;
  readonly path: string;
  readonly description: string;
}

/** Every finding of the pack under `scope`, one per (rule, resource). */
export function findings(scope: IConstruct, pack = new DataMeshChecks()): Finding[] {
  return pack.validateScope(scope).violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      ruleId: violation.ruleName,
      severity: violation.severity ?? '',
      path: resource.constructPath ?? '',
      description: violation.description,
    })),
  );
}

/** The findings of one rule. */
export function findingsOf(scope: IConstruct, ruleId: string): Finding[] {
  return findings(scope).filter((finding) => finding.ruleId === ruleId);
}

/** A complete grant metadata record; override fields to break it. */
export function grantMetadata(overrides: Partial<Record<keyof GrantMetadata, unknown>> = {}): Record<string, unknown> {
  const complete: GrantMetadata = {
    product: 'sales.orders',
    table: 'orders',
    consumer: 'marketing',
    contractId: 'urn:contract:sales-orders',
    contractVersion: '1.2.0',
    roles: ['analyst'],
    purposes: ['campaign attribution'],
    requestedBy: ['ana@example.com'],
    approvedBy: ['sales-dpo@example.com'],
    expires: null,
    columns: ['order_id', 'amount'],
    withheldColumns: ['email'],
    restrictedColumns: ['email'],
    includeColumns: [],
    rowFilter: null,
  };
  return { ...complete, ...overrides };
}

export interface GrantFixture {
  readonly principal?: unknown;
  readonly resource?: lakeformation.CfnPrincipalPermissions.ResourceProperty;
  readonly permissions?: string[];
  readonly permissionsWithGrantOption?: string[];
  /** Grant metadata to attach; omitted means none. */
  readonly metadata?: Record<string, unknown>;
}

/** A SELECT grant on two named columns of `sales_orders.orders` to the consumer role. */
export function principalPermissions(stack: Stack, id: string, fixture: GrantFixture = {}): lakeformation.CfnPrincipalPermissions {
  const grant = new lakeformation.CfnPrincipalPermissions(stack, id, {
    principal: { dataLakePrincipalIdentifier: (fixture.principal ?? CONSUMER_ROLE) as string },
    resource: fixture.resource ?? {
      tableWithColumns: {
        catalogId: CENTRAL_ACCOUNT,
        databaseName: 'sales_orders',
        name: 'orders',
        columnNames: ['order_id', 'amount'],
      },
    },
    permissions: fixture.permissions ?? ['SELECT'],
    permissionsWithGrantOption: fixture.permissionsWithGrantOption ?? [],
  });
  // As lakemesh writes it: one JSON string.
  if (fixture.metadata) grant.addMetadata(GRANT_METADATA_KEY, JSON.stringify(fixture.metadata));
  return grant;
}

/** A legacy `AWS::LakeFormation::Permissions` grant. */
export function legacyPermissions(stack: Stack, id: string, principal: string = CONSUMER_ROLE): lakeformation.CfnPermissions {
  return new lakeformation.CfnPermissions(stack, id, {
    dataLakePrincipal: { dataLakePrincipalIdentifier: principal },
    resource: { databaseResource: { catalogId: CENTRAL_ACCOUNT, name: 'sales_orders' } },
    permissions: ['DESCRIBE'],
  });
}

/** A data key: rotation on, retained, marked as a data store. */
export function dataKey(stack: Stack, id = 'DataKey', props: Partial<kms.CfnKeyProps> = {}): kms.CfnKey {
  const key = new kms.CfnKey(stack, id, { enableKeyRotation: true, ...props });
  key.applyRemovalPolicy(RemovalPolicy.RETAIN);
  key.addMetadata(DATA_STORE_METADATA_KEY, { domain: 'sales' });
  return key;
}

/** A data bucket: encrypted with `key`, retained, marked as a data store. */
export function dataBucket(stack: Stack, key: kms.CfnKey, id = 'DataBucket', props: Partial<s3.CfnBucketProps> = {}): s3.CfnBucket {
  const bucket = new s3.CfnBucket(stack, id, {
    bucketEncryption: {
      serverSideEncryptionConfiguration: [
        { serverSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: key.attrArn } },
      ],
    },
    ...props,
  });
  bucket.applyRemovalPolicy(RemovalPolicy.RETAIN);
  bucket.addMetadata(DATA_STORE_METADATA_KEY, { domain: 'sales' });
  return bucket;
}

/** A resource of any type, for CloudFormation shapes the L1 classes would reject at compile time. */
export function rawResource(stack: Stack, id: string, type: string, properties: Record<string, unknown>): CfnResource {
  return new CfnResource(stack, id, { type, properties });
}
