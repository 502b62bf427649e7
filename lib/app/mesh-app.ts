/**
 * Builds every stack of a mesh from its validated `MeshConfig`: one domain stack per producing
 * account, the governance stack, and one consumer stack per consumer, ordered with stack
 * dependencies (domains, then governance, then consumers) so that `cdk deploy --all` deploys them
 * in the order Lake Formation needs.
 */
import { Construct } from 'constructs';
import { MeshConfig } from '../config/model';
import { ContractGrant } from '../../constructs/grants/contract-grant';
import { DomainStack } from '../stacks/domain-stack';
import { GovernanceStack } from '../stacks/governance-stack';
import { ConsumerStack } from '../stacks/consumer-stack';
import { isoDate } from '../plan/grant-gates';
import { ProblemCollector } from '../errors';
import { collectGrantProblems } from './grant-problems';

export interface MeshAppProps {
  readonly mesh: MeshConfig;
  /**
   * ISO date (`YYYY-MM-DD`) that grant expiry is judged against.
   * @default - today's date (UTC)
   */
  readonly today?: string;
}

export class MeshApp extends Construct {
  readonly mesh: MeshConfig;
  /** Domain stacks by domain name. */
  readonly domainStacks: ReadonlyMap<string, DomainStack>;
  readonly governanceStack: GovernanceStack;
  /** Consumer stacks by consumer name. */
  readonly consumerStacks: ReadonlyMap<string, ConsumerStack>;

  constructor(scope: Construct, id: string, props: MeshAppProps) {
    super(scope, id);
    const { mesh } = props;
    const today = props.today ?? isoDate();
    this.mesh = mesh;

    const domainStacks = new Map<string, DomainStack>();
    for (const domain of mesh.domains) {
      domainStacks.set(domain.name, new DomainStack(this, `Domain-${domain.name}`, { mesh, domain }));
    }
    this.domainStacks = domainStacks;

    this.governanceStack = new GovernanceStack(this, 'Governance', { mesh });
    for (const stack of domainStacks.values()) this.governanceStack.addStackDependency(stack, 'producers register their buckets before the central catalog points at them');

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
        } else {
          const [domainName, productName] = grant.product.split('.');
          const stack = domainStacks.get(domainName)!;
          new ContractGrant(stack, `Grant-${grant.product}-${grant.consumer}-${grant.role}`, {
            ...options,
            product: stack.products.get(productName)!,
          });
        }
      });
    }
    problems.throwIfAny();

    const consumerStacks = new Map<string, ConsumerStack>();
    for (const consumer of mesh.consumers) {
      const stack = new ConsumerStack(this, `Consumer-${consumer.name}`, { mesh, consumer });
      stack.addStackDependency(this.governanceStack, 'consumers link to databases the grantor has shared');
      if (mesh.governance.sharing === 'producer-direct') {
        for (const domain of stack.sourceDomains) stack.addStackDependency(domainStacks.get(domain)!, 'consumers link to databases the producer has shared');
      }
      consumerStacks.set(consumer.name, stack);
    }
    this.consumerStacks = consumerStacks;
  }
}
