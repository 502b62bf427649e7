/**
 * Builds every stack of a mesh from its validated `MeshConfig`: per domain its stack, the governance
 * stack, and per consumer its stack, ordered with stack dependencies (domains, then governance, then
 * consumers) so that `cdk deploy --all` deploys them in the order Lake Formation needs.
 *
 * A stack that would pass CloudFormation's limits is split into shards (`<stack>--2`, `<stack>--3`
 * …, see docs/sharding.md). Which shard a unit goes to is planned from the mesh and the shard state
 * beside the mesh file, so that a unit, once deployed, never moves to another stack.
 */
import { Annotations, Stack } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { ConsumerConfig, MeshConfig } from '../config/model';
import { DataProductReference } from '../../constructs/data-product/data-product-reference';
import { ContractGrant } from '../../constructs/grants/contract-grant';
import { GovernanceUnit } from '../../constructs/governance/mesh-governance';
import { DomainStack } from '../stacks/domain-stack';
import { GovernanceStack } from '../stacks/governance-stack';
import { ConsumerStack } from '../stacks/consumer-stack';
import { ConsumerLinks } from '../stacks/consumer-links';
import { consumedProducts } from '../stacks/consumed-products';
import { LimitCheckingSynthesizer } from '../stacks/limit-checking-synthesizer';
import { StackGroup } from '../stacks/stack-group';
import { consumerStackName, domainStackName, governanceStackName } from '../stacks/stack-names';
import { ProblemCollector } from '../errors';
import { isoDate } from '../plan/grant-gates';
import { collectGrantProblems } from './grant-problems';
import { SHARDING_WARNINGS } from '../sharding/codes';
import { SHARD_LIMITS, ShardLimits } from '../sharding/limits';
import { groupKeys, unitKeys } from '../sharding/model';
import { describeSize, planShards, ShardPlan } from '../sharding/plan';
import { ShardState } from '../sharding/state';
import { readShardState, shardStateFilePath } from '../sharding/state-file';

export interface MeshAppProps {
  readonly mesh: MeshConfig;
  /**
   * ISO date (`YYYY-MM-DD`) that grant expiry is judged against.
   * @default - today's date (UTC)
   */
  readonly today?: string;
  /**
   * The shard each unit was placed in before, kept as it is (docs/sharding.md).
   * @default - the shard state file beside the mesh file (`mesh.shards.json`), when there is one
   */
  readonly shardState?: ShardState;
  /**
   * How large a stack may get.
   * @default SHARD_LIMITS (450 resources, 800 KiB)
   */
  readonly shardLimits?: ShardLimits;
}

export class MeshApp extends Construct {
  readonly mesh: MeshConfig;
  /** Which shard each unit went to. */
  readonly shardPlan: ShardPlan;
  /** The first stack of each domain, by domain name. */
  readonly domainStacks: ReadonlyMap<string, DomainStack>;
  /** The first governance stack. */
  readonly governanceStack: GovernanceStack;
  /** The first stack of each consumer, by consumer name. */
  readonly consumerStacks: ReadonlyMap<string, ConsumerStack>;
  /** Every stack of each group, first stack first, by group key (`governance`, `domain/<d>`, `consumer/<c>`). */
  readonly stackGroups: ReadonlyMap<string, readonly Stack[]>;

  constructor(scope: Construct, id: string, props: MeshAppProps) {
    super(scope, id);
    // Creation stack traces cost a tenth of a large synth and serve only debugging (CDK_DEBUG still turns them on).
    if (this.node.tryGetContext(cxapi.DISABLE_CREATION_STACK_TRACES) === undefined) this.node.setContext(cxapi.DISABLE_CREATION_STACK_TRACES, true);
    // A producer role's inline policy lists each product of its domain: with merged statements it
    // passes IAM's 10,240 characters at about 70 products, with one statement per product at 20.
    if (this.node.tryGetContext(cxapi.IAM_MINIMIZE_POLICIES) === undefined) this.node.setContext(cxapi.IAM_MINIMIZE_POLICIES, true);
    const { mesh } = props;
    const today = props.today ?? isoDate();
    const limits = props.shardLimits ?? SHARD_LIMITS;
    const state = props.shardState ?? readShardState(shardStateFilePath(mesh.file), mesh.name);
    this.mesh = mesh;
    this.shardPlan = planShards(mesh, { state, limits });
    const synthesizer = () => new LimitCheckingSynthesizer(limits);

    const domainGroups = new Map<string, StackGroup>();
    const domainStacks = new Map<string, DomainStack>();
    for (const domain of mesh.domains) {
      const group = this.group(groupKeys.domain(domain.name), `Domain-${domain.name}`, domainStackName(mesh.name, domain.name), domain.account, 'Domain', `lakemesh ${mesh.name}: catalog of domain ${domain.name}`, limits);
      domainGroups.set(domain.name, group);
      const stack = new DomainStack(this, `Domain-${domain.name}`, {
        mesh,
        domain,
        synthesizer: synthesizer(),
        productPlacement: (product) => group.root(group.shardOf(unitKeys.product(product.qualifiedName))),
      });
      domainStacks.set(domain.name, stack);
    }
    this.domainStacks = domainStacks;

    const governance = this.group(groupKeys.governance(), 'Governance', governanceStackName(mesh.name), mesh.governance.account, 'Governance', `lakemesh ${mesh.name}: central catalog and consumer grants`, limits);
    this.governanceStack = new GovernanceStack(this, 'Governance', {
      mesh,
      synthesizer: synthesizer(),
      placement: (unit) => governance.root(governance.shardOf(governanceUnitKey(unit))),
    });
    for (const group of domainGroups.values()) this.governanceStack.addStackDependency(group.last, 'producers register their buckets before the central catalog points at them');

    this.addGrants(mesh, today, domainGroups, domainStacks);

    const consumerGroups = new Map<string, StackGroup>();
    const consumerStacks = new Map<string, ConsumerStack>();
    for (const consumer of mesh.consumers) {
      const group = this.group(groupKeys.consumer(consumer.name), `Consumer-${consumer.name}`, consumerStackName(mesh.name, consumer.name), consumer.account, 'Consumer', `lakemesh ${mesh.name}: resource links of consumer ${consumer.name}`, limits);
      consumerGroups.set(consumer.name, group);
      const linked = new Set(consumedProducts(mesh, consumer).filter((p) => group.shardOf(unitKeys.link(p.product)) === 1).map((p) => p.product));
      const stack = new ConsumerStack(this, `Consumer-${consumer.name}`, { mesh, consumer, linkedProducts: linked, synthesizer: synthesizer() });
      stack.addStackDependency(governance.last, 'consumers link to databases the grantor has shared');
      if (mesh.governance.sharing === 'producer-direct') {
        for (const domain of stack.sourceDomains) stack.addStackDependency(domainGroups.get(domain)!.last, 'consumers link to databases the producer has shared');
      }
      this.addConsumerShards(mesh, consumer, group);
      consumerStacks.set(consumer.name, stack);
    }
    this.consumerStacks = consumerStacks;

    const groups = [governance, ...domainGroups.values(), ...consumerGroups.values()];
    this.stackGroups = new Map(groups.map((group) => [group.plan.group.key, group.allStacks()]));
    this.warnAboutUnpinnedUnits(state === undefined);
    for (const group of groups) this.warnAboutFullShards(group, limits);
  }

  private group(key: string, baseId: string, baseStackName: string, account: string, rootId: string, description: string, limits: ShardLimits): StackGroup {
    return new StackGroup(this, {
      plan: this.shardPlan.groups.get(key)!,
      baseId,
      baseStackName,
      env: { account, region: this.mesh.region },
      description,
      rootId,
      limits,
    });
  }

  /** Every grant of the mesh; problems of all of them are reported at once, each at its grant's entry in mesh.yaml. */
  private addGrants(mesh: MeshConfig, today: string, domainGroups: ReadonlyMap<string, StackGroup>, domainStacks: ReadonlyMap<string, DomainStack>): void {
    const consumersByName = new Map(mesh.consumers.map((c) => [c.name, c]));
    const problems = new ProblemCollector();
    for (const grant of mesh.grants) {
      const consumer = consumersByName.get(grant.consumer)!;
      const options = {
        consumer: { name: consumer.name, principals: consumer.principals },
        role: grant.role,
        purpose: grant.purpose,
        requestedBy: grant.requestedBy,
        approvedBy: grant.approvedBy,
        expires: grant.expires,
        restrictedClassification: mesh.governance.restrictedClassification,
        today,
        // The loader admits a grant on a deprecated product only when the contract lock records it.
        allowDeprecated: grant.existing ?? false,
      };
      collectGrantProblems(grant, problems, () => {
        if (mesh.governance.sharing === 'central-catalog') {
          this.governanceStack.governance.grant({ ...options, product: grant.product });
          return;
        }
        const [domainName, productName] = grant.product.split('.');
        const group = domainGroups.get(domainName)!;
        const scope = group.stack(group.shardOf(unitKeys.grant(grant.product, grant.consumer)));
        new ContractGrant(scope, `Grant-${grant.product}-${grant.consumer}-${grant.role}`, {
          ...options,
          product: DataProductReference.in(scope, domainStacks.get(domainName)!.products.get(productName)!),
        });
      });
    }
    problems.throwIfAny();
  }

  /** The links of `consumer` that are not in its first stack, in the shards the plan gives them. */
  private addConsumerShards(mesh: MeshConfig, consumer: ConsumerConfig, group: StackGroup): void {
    const byShard = new Map<number, ReturnType<typeof consumedProducts>>();
    for (const product of consumedProducts(mesh, consumer)) {
      const shard = group.shardOf(unitKeys.link(product.product));
      if (shard === 1) continue;
      const products = byShard.get(shard);
      if (products) products.push(product);
      else byShard.set(shard, [product]);
    }
    for (const [shard, products] of byShard) {
      new ConsumerLinks(group.stack(shard), 'Consumer', {
        consumerName: consumer.name,
        principals: consumer.principals,
        products,
        organization: mesh.governance.organization,
      });
    }
  }

  /** One warning, on the governance stack, when the shard state does not pin every unit. */
  private warnAboutUnpinnedUnits(noState: boolean): void {
    const unpinned = [...this.shardPlan.groups.values()].flatMap((group) => group.unpinned);
    if (unpinned.length === 0) return;
    const file = shardStateFilePath(this.mesh.file);
    const examples = unpinned.slice(0, 3).join(', ');
    Annotations.of(this.governanceStack).addWarningV2(
      SHARDING_WARNINGS.unpinned,
      `${noState ? `there is no shard state (${file})` : `the shard state ${file} does not pin ${unpinned.length} unit(s)`}, so ${noState ? 'every unit' : `e.g. ${examples}`} went to the shard a first run gives it; that place may change as the mesh grows, and a unit that changes stacks revokes and re-grants live access: run \`lakemesh lock --config ${this.mesh.file}\` and commit ${file.split(/[\\/]/).pop()}`,
    );
  }

  /** Recorded shards whose units grew past the limits stay as they are; the synthesized size decides. */
  private warnAboutFullShards(group: StackGroup, limits: ShardLimits): void {
    for (const shard of group.plan.overLimit) {
      Annotations.of(group.stack(shard.number)).addWarningV2(
        SHARDING_WARNINGS.overEstimate,
        `shard ${shard.number} of ${group.plan.group.key} is estimated at ${describeSize(shard.size!)}, over the limits (${limits.maxResources} resources, ${limits.maxTemplateBytes} bytes): its units grew since they were placed; run \`lakemesh lock\` to move the newest of them to a new shard, and review the moves (each re-grants live access)`,
      );
    }
  }
}

function governanceUnitKey(unit: GovernanceUnit): string {
  switch (unit.kind) {
    case 'registration':
      return unitKeys.registration(unit.domain);
    case 'product':
      return unitKeys.product(unit.product);
    case 'grant':
      return unitKeys.grant(unit.product, unit.consumer);
  }
}
