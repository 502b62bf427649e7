/**
 * Shard 2, 3 … of a stack group (see docs/sharding.md): a stack in the same account and region as
 * the group's first stack, holding some of its units under a root construct with the id the first
 * stack uses (`Governance`, `Domain`, `Consumer`), so that a unit's logical ids do not depend on the
 * shard it landed in. It holds no Lake Formation settings: it deploys after the group's first stack,
 * which sets them for the account, and after the shard before it, so that no two stacks of one
 * account write to Lake Formation at once.
 */
import { CfnResource, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MeshStack } from './mesh-stack';

export interface ShardStackProps extends StackProps {
  readonly stackName: string;
  readonly env: { readonly account: string; readonly region: string };
  /** Id of the root construct: the id of the construct holding the units in the first stack. */
  readonly rootId: string;
}

export class ShardStack extends MeshStack {
  private readonly rootId: string;

  constructor(scope: Construct, id: string, props: ShardStackProps) {
    super(scope, id, props);
    this.rootId = props.rootId;
  }

  /** Where the shard's units go: the construct with the root id, a plain one unless created before. */
  get root(): Construct {
    return (this.node.tryFindChild(this.rootId) as Construct | undefined) ?? new Construct(this, this.rootId);
  }

  /**
   * Gives a shard that holds no unit any more (its units were removed) a placeholder resource:
   * CloudFormation refuses a template without resources, and the stack must deploy once more to
   * delete what it held.
   */
  keepWhenEmpty(): void {
    const hasResources = this.node.findAll().some((node) => CfnResource.isCfnResource(node) && Stack.of(node) === this);
    if (hasResources) return;
    new CfnResource(this, 'EmptyShard', { type: 'AWS::CloudFormation::WaitConditionHandle' });
  }
}
