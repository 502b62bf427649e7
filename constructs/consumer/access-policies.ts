/**
 * The IAM side of querying shared products through resource links: Lake Formation checks its own
 * grants, but the caller's identity policy must still allow `lakeformation:GetDataAccess` and the
 * Glue reads, on the resource link in the consumer's catalog and on the target in the owning one.
 *
 * A managed policy holds at most 6,144 characters, roughly 15 products' worth of ARNs, so the
 * statements are split over as many policies as needed, filled in database-name order.
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { deployedLengthAtMost, LONGEST_DEPLOYED, POLICY_SIZE_LIMITS } from '../../lib/stacks/policy-size';
import { acknowledgeWildcardResources } from '../domain/nag-acknowledgements';

/** What Athena calls in the Data Catalog to plan a query (on the link and on its target). */
export const GLUE_READ_ACTIONS: readonly string[] = [
  'glue:BatchGetPartition',
  'glue:GetDatabase',
  'glue:GetDatabases',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:GetTable',
  'glue:GetTables',
];

/** IAM's limit on a managed policy document, whitespace excluded. */
export const MANAGED_POLICY_MAX_CHARACTERS = POLICY_SIZE_LIMITS['AWS::IAM::ManagedPolicy'].maxCharacters;

/** Upper bound of a document without its Glue resources (version, statements, actions). */
const POLICY_SKELETON_CHARACTERS = 512;
const MAX_GLUE_NAME_LENGTH = 255;

/** A resource link and the database it points at. */
export interface LinkTarget {
  readonly linkName: string;
  readonly catalogId: string;
  readonly databaseName: string;
  readonly region: string;
}

/** The Glue ARNs one managed policy allows reading, and which of them are wildcards. */
export interface AccessPolicyPlan {
  readonly links: readonly string[];
  readonly glueResources: readonly string[];
  readonly wildcardResources: readonly string[];
}

/**
 * Splits the Glue ARNs of `targets` into policies that each fit IAM's size limit, judging
 * unresolved partitions, regions, accounts and names by the longest value they could take.
 * Deterministic: the same targets in any order give the same plans.
 */
export function planAccessPolicies(stack: Stack, targets: readonly LinkTarget[]): AccessPolicyPlan[] {
  const arns = new GlueArns(stack);
  const budget = MANAGED_POLICY_MAX_CHARACTERS - POLICY_SKELETON_CHARACTERS;
  const plans: PlanBuilder[] = [];
  let current: PlanBuilder | undefined;
  for (const target of [...targets].sort((a, b) => compare(a.linkName, b.linkName))) {
    const resources = arns.ofLink(target);
    if (current === undefined || current.size + current.costOf(resources) > budget) {
      current = new PlanBuilder(arns.localCatalog());
      plans.push(current);
    }
    current.add(target.linkName, resources);
  }
  return plans.map((plan) => plan.build());
}

/**
 * One managed policy per plan, the first also allowing `lakeformation:GetDataAccess`, with the
 * wildcards acknowledged for cdk-nag one by one.
 */
export function createAccessPolicies(scope: Construct, consumerName: string, plans: readonly AccessPolicyPlan[]): iam.ManagedPolicy[] {
  return plans.map((plan, index) => {
    const statements = [new iam.PolicyStatement({ actions: [...GLUE_READ_ACTIONS], resources: [...plan.glueResources] })];
    if (index === 0) {
      // GetDataAccess has no resource-level permissions: Lake Formation decides table by table.
      statements.unshift(new iam.PolicyStatement({ actions: ['lakeformation:GetDataAccess'], resources: ['*'] }));
    }
    const policy = new iam.ManagedPolicy(scope, index === 0 ? 'AccessPolicy' : `AccessPolicy${index + 1}`, {
      // Constant: a managed policy's description cannot change without replacing the policy.
      description: `lakemesh: lets the principals of consumer ${consumerName} query the data products shared with it`,
      statements,
    });
    if (index === 0) {
      acknowledgeWildcardResources(policy, ['*'], 'lakeformation:GetDataAccess has no resource-level permissions; lake formation decides table by table what the principal may read');
    }
    acknowledgeWildcardResources(
      policy,
      plan.wildcardResources,
      'the principals may look up every table of the databases shared with them, including tables added later; lake formation grants narrow it to the tables and columns of their contracts',
    );
    return policy;
  });
}

/** The Glue ARNs of the consumer's catalog and the owning catalogs, each with its worst-case length. */
class GlueArns {
  constructor(private readonly stack: Stack) {}

  localCatalog(): SizedArn {
    return this.arn(this.stack.account, this.stack.region, 'catalog');
  }

  /** The link and its tables here; the target's catalog, database and tables there. */
  ofLink(target: LinkTarget): LinkArns {
    const local = (resource: string, name: string, wildcard: boolean) => this.arn(this.stack.account, this.stack.region, resource, name, wildcard);
    const remote = (resource: string, name?: string, wildcard = false) => this.arn(target.catalogId, target.region, resource, name, wildcard);
    return {
      catalog: remote('catalog'),
      databases: [
        local('database', target.linkName, false),
        local('table', target.linkName, true),
        remote('database', target.databaseName),
        remote('table', target.databaseName, true),
      ],
    };
  }

  private arn(account: string, region: string, resource: string, name?: string, wildcard = false): SizedArn {
    const resourceName = name === undefined ? undefined : wildcard ? `${name}/*` : name;
    const arn = this.stack.formatArn({ service: 'glue', account, region, resource, resourceName });
    const nameLength = name === undefined ? 0 : 1 + deployedLengthAtMost(name, MAX_GLUE_NAME_LENGTH) + (wildcard ? 2 : 0);
    const length =
      'arn::glue:::'.length +
      deployedLengthAtMost(this.stack.partition, LONGEST_DEPLOYED.partition) +
      deployedLengthAtMost(region, LONGEST_DEPLOYED.region) +
      deployedLengthAtMost(account, LONGEST_DEPLOYED.account) +
      resource.length +
      nameLength;
    return { arn, key: JSON.stringify(this.stack.resolve(arn)), length, wildcard };
  }
}

interface SizedArn {
  readonly arn: string;
  /** Resolved form, to tell equal ARNs apart from tokens that merely look different. */
  readonly key: string;
  /** Characters it takes in the deployed document, at most. */
  readonly length: number;
  readonly wildcard: boolean;
}

interface LinkArns {
  readonly catalog: SizedArn;
  readonly databases: readonly SizedArn[];
}

class PlanBuilder {
  private readonly links: string[] = [];
  private readonly resources = new Map<string, SizedArn>();
  size = 0;

  constructor(localCatalog: SizedArn) {
    this.include(localCatalog);
  }

  costOf(link: LinkArns): number {
    return [link.catalog, ...link.databases].filter((arn) => !this.resources.has(arn.key)).reduce((sum, arn) => sum + cost(arn), 0);
  }

  add(linkName: string, link: LinkArns): void {
    this.links.push(linkName);
    for (const arn of [link.catalog, ...link.databases]) this.include(arn);
  }

  build(): AccessPolicyPlan {
    const arns = [...this.resources.values()];
    return {
      links: this.links,
      glueResources: arns.map((arn) => arn.arn),
      wildcardResources: arns.filter((arn) => arn.wildcard).map((arn) => arn.arn),
    };
  }

  private include(arn: SizedArn): void {
    if (this.resources.has(arn.key)) return;
    this.resources.set(arn.key, arn);
    this.size += cost(arn);
  }
}

/** An ARN in a JSON list: the quotes and the comma. */
function cost(arn: SizedArn): number {
  return arn.length + 3;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
