/**
 * The managed policies of a role whose permissions list every product of a domain (the
 * registration roles, a producer role past its inline policy). One policy holds some 35–55
 * products before IAM's 6,144 characters; past that the products are spread over more policies: a product goes to policy `hash(key) mod n`, `n`
 * the fewest power of two at which every policy fits. Adding or removing a product changes one
 * policy. Only crossing a power of two moves products, each from policy `i` to the new policy
 * `i + n/2`, and policy `i` waits for that one (`DependsOn`): a moving product is in one of them
 * at every moment of the deploy.
 *
 * The products are known only once every `DataProduct` exists, so the policies are filled (and
 * the ones past the first created) by an aspect that runs before the app is prepared.
 */
import { createHash } from 'node:crypto';
import { AspectPriority, Aspects } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { LakemeshError } from '../../lib/errors';
import { LONGEST_DEPLOYED, POLICY_SIZE_LIMITS } from '../../lib/stacks/policy-size';
import { DOMAIN_CODES } from './codes';

/** IAM's limit on a managed policy document, whitespace excluded. */
const MANAGED_POLICY_CHARACTERS = POLICY_SIZE_LIMITS['AWS::IAM::ManagedPolicy'].maxCharacters;
/** IAM attaches at most 10 managed policies to a role by default. */
export const ROLE_MANAGED_POLICIES_QUOTA = 10;

export interface ProductPoliciesProps {
  /** The role the policies are attached to. */
  readonly role: iam.IRole;
  /** Description of every policy. Constant: a managed policy's description cannot change in place. */
  readonly description: string;
  /** Construct id of the first policy; the others append their number (`ReadProducts2` …). */
  readonly id: string;
  /** The policies in messages, plural (`the policies of the registration role of domain sales`). */
  readonly subject: string;
  /** Most characters a document takes with no product (version, statements, actions, shared resources). */
  readonly fixedCharacters: number;
  /** Most characters one product adds to a document once deployed. */
  readonly charactersOf: (key: string) => number;
  /** Most policies to spread the products over (a power of two, within `ROLE_MANAGED_POLICIES_QUOTA`). */
  readonly maxPolicies: number;
  /** The statements of policy `index` for its products (sorted); policy 0 also holds the shared ones. */
  readonly statements: (index: number, keys: readonly string[]) => iam.PolicyStatement[];
  /** Called with each policy once filled (acknowledgements, dependencies on it). */
  readonly onPolicy?: (policy: iam.ManagedPolicy, keys: readonly string[], index: number) => void;
  /**
   * Grants the products some other way while all of them fit in `maxCharacters` (a role owned
   * outside lakemesh keeps its managed-policy attachments); managed policies only past that.
   * @default - always managed policies
   */
  readonly inline?: { readonly maxCharacters: number; readonly grant: (keys: readonly string[]) => void };
}

export class ProductPolicies {
  private readonly keys = new Set<string>();
  private readonly built: iam.ManagedPolicy[] = [];
  /** Created at once when there is no inline alternative: it keeps its place in the template. */
  private readonly first?: iam.ManagedPolicy;
  private done = false;

  constructor(
    private readonly scope: Construct,
    private readonly props: ProductPoliciesProps,
  ) {
    if (!props.inline) this.first = this.policy(0);
    // Before the deploy-order aspects (READONLY) read the stack's dependencies.
    Aspects.of(scope).add({ visit: (node) => (node === scope ? this.build() : undefined) }, { priority: AspectPriority.MUTATING });
  }

  /** The managed policies, once the app is prepared (none before, nor when the products were granted inline). */
  get policies(): readonly iam.ManagedPolicy[] {
    return this.built;
  }

  /** Adds a product (by its key: the prefix or database name the policy lists). */
  add(key: string): void {
    if (this.done) throw new Error(`${this.props.subject}: product ${key} added after its policies were built`);
    this.keys.add(key);
  }

  private build(): void {
    if (this.done) return;
    this.done = true;
    const keys = [...this.keys].sort();
    const { inline } = this.props;
    if (inline && this.props.fixedCharacters + sum(keys.map(this.props.charactersOf)) <= inline.maxCharacters) {
      inline.grant(keys);
      return;
    }
    const groups = groupProducts(keys, this.props);
    const byIndex = new Map<number, iam.ManagedPolicy>();
    for (const [index, members] of groups.entries()) {
      if (members.length === 0 && index > 0) continue;
      const policy = (index === 0 ? this.first : undefined) ?? this.policy(index);
      policy.addStatements(...this.props.statements(index, members));
      byIndex.set(index, policy);
      this.built.push(policy);
    }
    for (const [index, policy] of byIndex) {
      // Products moving to a new policy at this power of two leave policy `index - n/2` only after.
      if (groups.length > 1 && index >= groups.length / 2) byIndex.get(index - groups.length / 2)?.node.addDependency(policy);
      this.props.onPolicy?.(policy, groups[index], index);
    }
  }

  private policy(index: number): iam.ManagedPolicy {
    return new iam.ManagedPolicy(this.scope, policyId(this.props.id, index), { description: this.props.description, roles: [this.props.role] });
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** The products of each policy, by policy index: `n` lists (a power of two), each sorted. */
export function groupProducts(
  keys: readonly string[],
  sizing: Pick<ProductPoliciesProps, 'subject' | 'fixedCharacters' | 'charactersOf' | 'maxPolicies'>,
): string[][] {
  const sorted = [...new Set(keys)].sort();
  const budget = MANAGED_POLICY_CHARACTERS - sizing.fixedCharacters;
  for (let count = 1; count <= sizing.maxPolicies; count *= 2) {
    const groups = Array.from({ length: count }, () => [] as string[]);
    const sizes = new Array<number>(count).fill(0);
    for (const key of sorted) {
      const index = productHash(key) % count;
      groups[index].push(key);
      sizes[index] += sizing.charactersOf(key);
    }
    if (sizes.every((size) => size <= budget)) return groups;
  }
  throw LakemeshError.of(
    DOMAIN_CODES.tooManyProductPolicies,
    `${sizing.subject} list ${sorted.length} products, more than ${sizing.maxPolicies} managed policies of ${MANAGED_POLICY_CHARACTERS.toLocaleString('en-US')} characters hold (IAM attaches ${ROLE_MANAGED_POLICIES_QUOTA} managed policies to a role by default); split the domain's products over two domains`,
  );
}

/** An S3 bucket name's longest (what a bucket ARN token may turn into). */
export const MAX_BUCKET_NAME_LENGTH = 63;

/**
 * Most characters a product prefix adds to an S3 registration policy: its objects' ARN
 * (`"arn:<partition>:s3:::<bucket>/<prefix>/*",`) and its `s3:prefix` condition value (`"<prefix>/*",`).
 */
export function prefixCharacters(bucketNameLength: number, prefix: string): number {
  const objectArn = '"arn:'.length + LONGEST_DEPLOYED.partition + ':s3:::'.length + bucketNameLength + '/'.length + prefix.length + '/*",'.length;
  const listedPrefix = '"'.length + prefix.length + '/*",'.length;
  return objectArn + listedPrefix;
}

/** Stable across runs and machines: the policy of a product depends on its key alone. */
function productHash(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0);
}

function policyId(first: string, index: number): string {
  return index === 0 ? first : `${first}${index + 1}`;
}
