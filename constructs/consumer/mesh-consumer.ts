/**
 * A consumer account's part of the mesh: what it takes for the consumer's principals to query, with
 * Athena, the products shared with the account, right after the deployment.
 */
import { createHash } from 'node:crypto';
import { Annotations, Duration, Stack, Token } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CfnPrincipalPermissions } from 'aws-cdk-lib/aws-lakeformation';
import { Construct } from 'constructs';
import { LakemeshError } from '../../lib/errors';
import { didYouMean } from '../../lib/source/did-you-mean';
import { LakeFormationPermissions } from '../grants/lake-formation-permissions';
import { CrossAccountVersion, DataLakeSettings } from '../lake-formation/data-lake-settings';
import { createAccessPolicies, LinkTarget, planAccessPolicies } from './access-policies';
import { CONSUMER_CODES } from './codes';
import { ConsumedProduct, linkGrantMetadata } from './consumed-product';
import { RamInvitationAcceptance } from './ram-invitation-acceptance';
import { validateConsumer } from './validate-consumer';

export type { ConsumedGrant, ConsumedProduct } from './consumed-product';

/** Whether the accounts share one AWS Organization with RAM sharing when `organization` is not given. */
export const DEFAULT_ORGANIZATION = false;

/** Whether the access policy is attached to the principals when `attachAccessPolicy` is not given. */
export const DEFAULT_ATTACH_ACCESS_POLICY = true;

/** IAM's default quota of managed policies attached to one role or user. */
export const MANAGED_POLICIES_PER_PRINCIPAL_QUOTA = 10;

/** The Lake Formation permission principals get on each resource link. */
const LINK_PERMISSIONS = ['DESCRIBE'];

export interface MeshConsumerProps {
  /** The consumer's name in the mesh, recorded in the audit metadata of its grants. */
  readonly consumerName: string;
  /**
   * ARNs of the IAM roles and users of this account that query the products. They get DESCRIBE on
   * every resource link; what they may read of the targets is granted by the owning account.
   */
  readonly principals: readonly string[];
  /** The products shared with this account, each reached through one database resource link. */
  readonly products: readonly ConsumedProduct[];
  /**
   * True when every account of the mesh is in one AWS Organization with RAM sharing enabled: RAM
   * then shares without invitations, and none are accepted.
   * @default false - accept the RAM invitations of the accounts owning the shared databases
   */
  readonly organization?: boolean;
  /**
   * How long the deployment waits for RAM invitations that have not arrived yet.
   * @default RamInvitationAcceptance.DEFAULT_MAX_WAIT (5 minutes)
   */
  readonly ramMaxWait?: Duration;
  /**
   * Attach the access policy (`lakeformation:GetDataAccess` and Glue reads on the links and their
   * targets) to each principal. Turn it off when IAM is managed elsewhere; the principals then need
   * those permissions from there (see `accessPolicies`).
   * @default true
   */
  readonly attachAccessPolicy?: boolean;
  /**
   * Extra Lake Formation admins of the consumer account.
   * @default - only the deployment role
   */
  readonly admins?: readonly iam.IRole[];
  /**
   * Lake Formation cross-account data sharing version of the consumer account.
   * @default 4
   */
  readonly crossAccountVersion?: CrossAccountVersion;
  /**
   * The role CloudFormation deploys the stack with.
   * @default - the execution role of the stack's `DefaultStackSynthesizer`
   */
  readonly deploymentRole?: iam.IRole;
}

/**
 * The consumer stack of a mesh: Lake Formation settings for the account; acceptance of the AWS RAM
 * invitations the owning accounts' grants send (unless `organization`); one database resource link
 * per shared product, named like the shared database; DESCRIBE on each link for every principal;
 * and a managed policy with the IAM permissions Athena needs on the links and their targets.
 *
 * The owning account grants DESCRIBE and SELECT on the shared database and tables (a grant on a
 * link does not reach its target). Prerequisites the construct leaves to the consumer team: an
 * Athena workgroup the principals may use, and its query result location in S3.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/dg/resource-links-about.html
 */
export class MeshConsumer extends Construct {
  readonly consumerName: string;
  readonly lakeFormationSettings: DataLakeSettings;
  /** The RAM invitation acceptance, absent with `organization` or when nothing is shared from another account. */
  readonly invitationAcceptance?: RamInvitationAcceptance;
  /**
   * The managed policies with the IAM permissions the principals need (one per ~15 products: IAM
   * limits a policy's size), attached to the principals unless `attachAccessPolicy` is false.
   */
  readonly accessPolicies: readonly iam.ManagedPolicy[];
  /** The DESCRIBE grants on the links (one per principal and link). */
  readonly linkPermissions: readonly CfnPrincipalPermissions[];
  private readonly linksByName = new Map<string, glue.CfnDatabase>();

  constructor(scope: Construct, id: string, props: MeshConsumerProps) {
    super(scope, id);
    const stack = Stack.of(this);
    validateConsumer(stack, props);
    this.consumerName = props.consumerName;
    this.lakeFormationSettings = new DataLakeSettings(this, 'LakeFormationSettings', {
      admins: props.admins,
      crossAccountVersion: props.crossAccountVersion,
      deploymentRole: props.deploymentRole,
    });
    // Sorted, so that the order of the input never shows in the template.
    const products = [...props.products].sort((a, b) => compare(a.databaseName, b.databaseName));
    const principals = [...new Set(props.principals)].sort(compare);

    this.invitationAcceptance = (props.organization ?? DEFAULT_ORGANIZATION) ? undefined : this.acceptInvitations(stack, products, props.ramMaxWait);
    this.linkPermissions = products.flatMap((product) => this.addLink(stack, product, principals));

    const targets: LinkTarget[] = products.map((product) => ({
      linkName: product.databaseName,
      catalogId: product.catalogId,
      databaseName: product.databaseName,
      region: product.region ?? stack.region,
    }));
    this.accessPolicies = createAccessPolicies(this, this.consumerName, planAccessPolicies(stack, targets));
    if (props.attachAccessPolicy ?? DEFAULT_ATTACH_ACCESS_POLICY) this.attachAccessPolicies(principals);
  }

  /** The resource links, sorted by name. */
  get links(): readonly glue.CfnDatabase[] {
    return [...this.linksByName.values()];
  }

  /** The resource link named `databaseName`. */
  link(databaseName: string): glue.CfnDatabase {
    const link = this.linksByName.get(databaseName);
    if (!link) {
      throw LakemeshError.of(
        CONSUMER_CODES.unknownLink,
        `consumer ${this.consumerName} has no resource link "${databaseName}" (it links ${[...this.linksByName.keys()].join(', ') || 'nothing'})${didYouMean(databaseName, this.linksByName.keys())}`,
      );
    }
    return link;
  }

  /** The resource link of `product`, and DESCRIBE on it for each principal (after the link exists). */
  private addLink(stack: Stack, product: ConsumedProduct, principals: readonly string[]): CfnPrincipalPermissions[] {
    const link = new glue.CfnDatabase(this, constructId(stack, 'Link', product.databaseName), {
      catalogId: stack.account,
      databaseInput: {
        name: product.databaseName,
        targetDatabase: {
          catalogId: product.catalogId,
          databaseName: product.databaseName,
          ...(product.region === undefined ? {} : { region: product.region }),
        },
      },
    });
    // A link to a database whose share is not accepted yet resolves to nothing.
    if (this.invitationAcceptance) link.node.addDependency(this.invitationAcceptance);
    this.linksByName.set(product.databaseName, link);
    const registry = LakeFormationPermissions.of(this);
    const metadata = linkGrantMetadata(this.consumerName, product);
    return principals.map((principal) =>
      registry.add({
        principal,
        resource: { kind: 'database', catalogId: stack.account, name: product.databaseName },
        permissions: LINK_PERMISSIONS,
        metadata,
        dependsOn: [link],
      }),
    );
  }

  /**
   * Accepts the invitations of the accounts owning the shared databases in this region. A share
   * from another region sends its invitation there, where this stack cannot accept it.
   */
  private acceptInvitations(stack: Stack, products: readonly ConsumedProduct[], maxWait: Duration | undefined): RamInvitationAcceptance | undefined {
    const invited = products.filter((product) => {
      if (!Token.isUnresolved(stack.account) && product.catalogId === stack.account) return false;
      if (!isOtherRegion(stack, product.region)) return true;
      Annotations.of(this).addWarningV2(
        'lakemesh:consumer-cross-region-invitation',
        `${product.product} is shared from region ${product.region}, and ram sends its invitation there, not to ${stack.region} where this stack accepts invitations: accept it in ${product.region} (e.g. with a RamInvitationAcceptance in a stack of that region) before deploying, or use organization: true`,
      );
      return false;
    });
    if (invited.length === 0) return undefined;
    return new RamInvitationAcceptance(this, 'InvitationAcceptance', {
      senderAccounts: invited.map((product) => product.catalogId),
      grantedResources: invited.map((product) => product.databaseName),
      maxWait,
    });
  }

  private attachAccessPolicies(principals: readonly string[]): void {
    const attachTo: ((policy: iam.ManagedPolicy) => void)[] = [];
    for (const principal of principals) {
      if (Token.isUnresolved(principal)) {
        Annotations.of(this).addWarningV2(
          'lakemesh:consumer-principal-unresolved',
          `principal ${JSON.stringify(Stack.of(this).resolve(principal))} is only known at deploy time, so it cannot be told a role or a user and gets no access policy: attach accessPolicies to it yourself`,
        );
        continue;
      }
      const id = constructId(Stack.of(this), 'Principal', principal);
      if (/:role\//.test(principal)) {
        const role = iam.Role.fromRoleArn(this, id, principal, { mutable: true });
        attachTo.push((policy) => policy.attachToRole(role));
      } else {
        const user = iam.User.fromUserArn(this, id, principal);
        attachTo.push((policy) => policy.attachToUser(user));
      }
    }
    for (const policy of this.accessPolicies) for (const attach of attachTo) attach(policy);
    if (this.accessPolicies.length > MANAGED_POLICIES_PER_PRINCIPAL_QUOTA) {
      Annotations.of(this).addWarningV2(
        'lakemesh:consumer-access-policy-count',
        `each principal gets ${this.accessPolicies.length} managed policies, more than iam's default quota of ${MANAGED_POLICIES_PER_PRINCIPAL_QUOTA} per role or user: raise the quota, or set attachAccessPolicy: false and grant the glue reads from a broader policy`,
      );
    }
  }
}

/**
 * `<prefix>-<name>` for a literal name (readable, and stable because the name is), a hash of the
 * resolved value for a token. Construct ids may hold no `/`, so ARNs are hashed too.
 */
function constructId(stack: Stack, prefix: string, name: string): string {
  if (!Token.isUnresolved(name) && !name.includes('/')) return `${prefix}-${name}`;
  const identity = Token.isUnresolved(name) ? JSON.stringify(stack.resolve(name)) : name;
  return `${prefix}${createHash('sha256').update(identity).digest('hex').slice(0, 12)}`;
}

function isOtherRegion(stack: Stack, region: string | undefined): boolean {
  if (region === undefined || Token.isUnresolved(region) || Token.isUnresolved(stack.region)) return false;
  return region !== stack.region;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
