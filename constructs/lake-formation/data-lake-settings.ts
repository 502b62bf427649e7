/**
 * The account's Lake Formation settings, as every lakemesh stack (domain, governance, consumer)
 * needs them: admins added, `IAMAllowedPrincipals` defaults cleared, cross-account version set.
 */
import * as path from 'node:path';
import {
  AspectPriority,
  Aspects,
  CfnResource,
  CustomResource,
  CustomResourceProvider,
  Duration,
  IAspect,
  Stack,
  Token,
} from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct, IConstruct } from 'constructs';
import { LakemeshError, ProblemCollector } from '../../lib/errors';
import { bundledHandlerDirectory, HANDLER_RUNTIME } from '../../lib/handlers/bundle';
import { cachedResourcesUnder, dependencyTargets } from '../../lib/stacks/minimal-dependencies';
import { synthesizerDeploymentRoleArn } from './deployment-role-arn';

/** Problem codes of `DataLakeSettings` (LM300–LM309; its handler uses LM310–LM319). */
export const DATA_LAKE_SETTINGS_CODES = {
  /** `crossAccountVersion` is not 4 or 5. */
  invalidCrossAccountVersion: 'LM300',
  /** The stack's synthesizer does not name its deployment role and `deploymentRole` is not given. */
  deploymentRoleUnknown: 'LM301',
  /** A second `DataLakeSettings` in one stack. */
  secondInStack: 'LM302',
} as const;

/**
 * Lake Formation's cross-account data sharing version (the `CROSS_ACCOUNT_VERSION` parameter).
 * lakemesh supports the two newest, 4 and 5.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/dg/optimize-ram.html
 */
export type CrossAccountVersion = 4 | 5;

export const DEFAULT_CROSS_ACCOUNT_VERSION: CrossAccountVersion = 4;

/** The construct id `DataLakeSettings.of` creates the stack's instance under. */
export const DATA_LAKE_SETTINGS_ID = 'DataLakeSettings';

/** CloudFormation type of the custom resource. */
export const DATA_LAKE_SETTINGS_RESOURCE_TYPE = 'Custom::LakemeshDataLakeSettings';

/** Construct id of the stack-level provider (one Lambda per stack, shared by nothing else). */
const PROVIDER_ID = 'LakemeshDataLakeSettingsProvider';

const HANDLER_ENTRY = path.join(__dirname, '..', '..', 'lib', 'handlers', 'data-lake-settings', 'index.ts');

/** Resource types that need their creator to be a data lake admin, so they wait for the settings. */
const DEPENDENT_TYPE_PREFIXES = ['AWS::Glue::', 'AWS::LakeFormation::'];

export interface DataLakeSettingsProps {
  /**
   * Roles to make data lake admins, besides the deployment role. They are added to the account's
   * admin list, never replacing it, and removed again when they leave this list or the stack is
   * deleted; except roles that were already admins when this resource was created, which stay.
   *
   * @default - no admins besides the deployment role
   */
  readonly admins?: readonly iam.IRole[];

  /**
   * Lake Formation cross-account data sharing version.
   *
   * @default 4 (`DEFAULT_CROSS_ACCOUNT_VERSION`)
   */
  readonly crossAccountVersion?: CrossAccountVersion;

  /**
   * The role CloudFormation deploys this stack with. It becomes a data lake admin, so that the
   * stack can create its Glue and Lake Formation resources, and is never removed: every stack
   * deployed with the same bootstrap needs it.
   *
   * @default - the CloudFormation execution role of the stack's `DefaultStackSynthesizer`,
   * honouring its qualifier; required with any other synthesizer
   */
  readonly deploymentRole?: iam.IRole;
}

const instances = new WeakMap<Stack, DataLakeSettings>();

/**
 * Lake Formation settings for the stack's account and region: adds data lake admins (the stack's
 * deployment role and `admins`), clears the database and table default permissions that give
 * `IAMAllowedPrincipals` everything, and sets `CROSS_ACCOUNT_VERSION`.
 *
 * Why a custom resource and not `AWS::LakeFormation::DataLakeSettings`: `PutDataLakeSettings`
 * replaces the whole settings object, admin list included, so the CloudFormation resource would
 * overwrite admins that other people or stacks set. The custom resource reads the settings, edits
 * only the admins, defaults and version, and writes back everything else unchanged (retrying
 * `ConcurrentModificationException`). On delete it removes only the admins it added; it restores
 * neither the `IAMAllowedPrincipals` defaults nor the version.
 *
 * One per stack. Every `AWS::Glue::*` and `AWS::LakeFormation::*` resource of the stack depends on
 * it, because creating them takes a data lake admin.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_PutDataLakeSettings.html
 */
export class DataLakeSettings extends Construct {
  /** The stack's instance, created with default props (id `DataLakeSettings`) if it has none yet. */
  static of(scope: IConstruct): DataLakeSettings {
    return DataLakeSettings.find(scope) ?? new DataLakeSettings(Stack.of(scope), DATA_LAKE_SETTINGS_ID);
  }

  /** The instance of the stack that holds `scope`, if it has one. */
  static find(scope: IConstruct): DataLakeSettings | undefined {
    return instances.get(Stack.of(scope));
  }

  /** The custom resource; depend on it to run after the settings are in place. */
  readonly resource: CustomResource;

  readonly crossAccountVersion: CrossAccountVersion;

  /** ARNs of the roles made admins and removed on delete (`admins`). */
  readonly adminArns: readonly string[];

  /** ARN of the deployment role, made an admin and never removed. */
  readonly deploymentRoleArn: string;

  constructor(scope: Construct, id: string, props: DataLakeSettingsProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    const existing = instances.get(stack);
    if (existing) {
      throw LakemeshError.of(
        DATA_LAKE_SETTINGS_CODES.secondInStack,
        `stack "${stack.stackName}" already has DataLakeSettings at "${existing.node.path}": lake formation keeps one settings object per account, so a stack holds one; use DataLakeSettings.of(stack) to reach it`,
        this.node.path,
      );
    }
    const problems = new ProblemCollector();
    this.crossAccountVersion = checkedVersion(props.crossAccountVersion ?? DEFAULT_CROSS_ACCOUNT_VERSION, this, problems);
    this.deploymentRoleArn = deploymentRoleArn(stack, props.deploymentRole, this, problems);
    problems.throwIfAny();
    instances.set(stack, this);
    // The deployment role is never removed, so listing it among the removable admins would mislead.
    const adminArns = new Set((props.admins ?? []).map((role) => role.roleArn));
    adminArns.delete(this.deploymentRoleArn);
    this.adminArns = [...adminArns];

    const provider = CustomResourceProvider.getOrCreateProvider(stack, PROVIDER_ID, {
      codeDirectory: bundledHandlerDirectory(HANDLER_ENTRY),
      // The bundle targets HANDLER_NODE_TARGET (node20) syntax; a newer runtime runs it unchanged
      // and stays clear of Lambda's runtime deprecation longer.
      runtime: HANDLER_RUNTIME,
      timeout: Duration.minutes(5),
      description: 'lakemesh: adds Lake Formation data lake admins without replacing the admin list',
      policyStatements: [
        {
          Effect: 'Allow',
          Action: ['lakeformation:GetDataLakeSettings', 'lakeformation:PutDataLakeSettings'],
          // Lake Formation actions support no resource-level permissions in IAM (the settings are
          // one object per account and region), so `*` is the narrowest resource there is.
          Resource: '*',
        },
      ],
    });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: DATA_LAKE_SETTINGS_RESOURCE_TYPE,
      properties: {
        Admins: this.adminArns,
        DeploymentAdmins: [this.deploymentRoleArn],
        // CloudFormation hands custom resources strings anyway; a literal string keeps the template honest.
        CrossAccountVersion: Token.isUnresolved(this.crossAccountVersion)
          ? Token.asString(this.crossAccountVersion)
          : String(this.crossAccountVersion),
      },
    });

    const settingsResource = this.resource.node.defaultChild as CfnResource;
    Aspects.of(stack).add(new DependOnDataLakeSettings(stack, settingsResource), { priority: AspectPriority.MUTATING });
  }
}

/**
 * Makes every Glue and Lake Formation resource of `stack` wait for the settings: directly, or
 * through another one it already depends on (a grant waits for its table), so that templates do
 * not repeat an order that `DependsOn` already implies.
 */
class DependOnDataLakeSettings implements IAspect {
  private readonly resourcesOf = cachedResourcesUnder();

  constructor(
    private readonly stack: Stack,
    private readonly settings: CfnResource,
  ) {}

  visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node) || Stack.of(node) !== this.stack) return;
    if (!needsSettings(node)) return;
    if (!dependencyTargets(node, this.resourcesOf).some(needsSettings)) {
      node.addResourceDependency(this.settings, 'creating glue and lake formation resources takes a data lake admin');
    }
  }
}

function needsSettings(resource: CfnResource): boolean {
  return DEPENDENT_TYPE_PREFIXES.some((prefix) => resource.cfnResourceType.startsWith(prefix));
}

function checkedVersion(version: number, scope: IConstruct, problems: ProblemCollector): CrossAccountVersion {
  if (!Token.isUnresolved(version) && version !== 4 && version !== 5) {
    problems.add({
      code: DATA_LAKE_SETTINGS_CODES.invalidCrossAccountVersion,
      path: scope.node.path,
      message: `crossAccountVersion must be 4 or 5, got ${version}: lakemesh supports lake formation's cross-account data sharing versions 4 and 5; leave it out for 4`,
    });
  }
  return version as CrossAccountVersion;
}

function deploymentRoleArn(stack: Stack, role: iam.IRole | undefined, scope: IConstruct, problems: ProblemCollector): string {
  if (role) return role.roleArn;
  const fromSynthesizer = synthesizerDeploymentRoleArn(stack);
  if (fromSynthesizer) return fromSynthesizer;
  problems.add({
    code: DATA_LAKE_SETTINGS_CODES.deploymentRoleUnknown,
    path: scope.node.path,
    message: `stack "${stack.stackName}" uses ${stack.synthesizer.constructor.name}, which does not say which role deploys it: pass deploymentRole (the role cdk deploy runs with) to DataLakeSettings, so that it can create glue and lake formation resources`,
  });
  return '';
}
