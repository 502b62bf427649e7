/**
 * The stacks of one stack group (docs/sharding.md): the group's first stack, created by the caller
 * under `baseId`, and shards 2, 3 … created here on first use. Each shard deploys after the one
 * before it (stack dependencies), so that no two stacks of the group's account write to Lake
 * Formation at once and every shard comes after the first one, which sets the account's settings.
 */
import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { LakemeshError } from '../errors';
import { MAX_STACK_NAME_LENGTH } from '../config/naming';
import { SHARDING_CODES } from '../sharding/codes';
import { ShardLimits } from '../sharding/limits';
import { GroupPlan } from '../sharding/plan';
import { LimitCheckingSynthesizer } from './limit-checking-synthesizer';
import { ShardStack } from './shard-stack';
import { shardStackName } from './stack-names';

export interface StackGroupProps {
  readonly plan: GroupPlan;
  /** Construct id of the first stack (a child of the scope); shard n gets `<baseId>--<n>`. */
  readonly baseId: string;
  readonly baseStackName: string;
  readonly env: { readonly account: string; readonly region: string };
  /** Description of the shard stacks. */
  readonly description: string;
  /** Id of the construct that holds the units in the first stack, given to each shard's root. */
  readonly rootId: string;
  readonly limits: ShardLimits;
}

export class StackGroup {
  private readonly shards = new Map<number, ShardStack>();

  constructor(
    private readonly scope: Construct,
    private readonly props: StackGroupProps,
  ) {}

  get plan(): GroupPlan {
    return this.props.plan;
  }

  /** The group's first stack (it must exist by now). */
  get first(): Stack {
    return this.scope.node.findChild(this.props.baseId) as Stack;
  }

  /** The shard of `unit` (a unit key); 1 when the plan does not know it. */
  shardOf(unit: string): number {
    return this.props.plan.shardOf.get(unit) ?? 1;
  }

  /** Stack of shard `n`; 1 is the first stack. */
  stack(n: number): Stack {
    return n === 1 ? this.first : this.shard(n);
  }

  /** Where the units of shard `n` go: undefined for the first stack (its own constructs place them), else the shard's root. */
  root(n: number): Construct | undefined {
    return n === 1 ? undefined : this.shard(n).root;
  }

  /** Every stack of the group in shard order, shards that hold nothing any more included (with a placeholder resource). */
  allStacks(): Stack[] {
    const stacks: Stack[] = [this.first];
    for (const planned of this.props.plan.shards.slice(1)) {
      const shard = this.shard(planned.number);
      if (planned.units.length === 0) shard.keepWhenEmpty();
      stacks.push(shard);
    }
    return stacks;
  }

  /** The group's last stack: depend on it to come after the whole group. */
  get last(): Stack {
    const count = this.props.plan.shards.length;
    return this.stack(count);
  }

  private shard(n: number): ShardStack {
    const existing = this.shards.get(n);
    if (existing) return existing;
    const previous = this.stack(n - 1);
    const stackName = shardStackName(this.props.baseStackName, n);
    if (stackName.length > MAX_STACK_NAME_LENGTH) {
      throw LakemeshError.of(
        SHARDING_CODES.stackNameTooLong,
        `shard ${n} of ${this.props.plan.group.key} would be stack "${stackName.slice(0, 40)}…", ${stackName.length} characters, more than the ${MAX_STACK_NAME_LENGTH} cloudformation allows; shorten the ${this.props.plan.group.kind === 'governance' ? 'mesh' : this.props.plan.group.kind} name by ${stackName.length - MAX_STACK_NAME_LENGTH} characters`,
      );
    }
    const shard = new ShardStack(this.scope, `${this.props.baseId}--${n}`, {
      stackName,
      env: this.props.env,
      description: `${this.props.description} (shard ${n})`,
      rootId: this.props.rootId,
      synthesizer: new LimitCheckingSynthesizer(this.props.limits),
    });
    shard.addStackDependency(previous, 'shards of one account deploy one at a time: lake formation refuses concurrent writes');
    this.shards.set(n, shard);
    return shard;
  }
}
