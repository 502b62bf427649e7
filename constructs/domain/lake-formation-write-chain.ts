/**
 * Lake Formation rejects concurrent writes that touch the same principal or resource with
 * `ConcurrentModificationException`, which CloudFormation does not retry. Every Lake Formation
 * write a stack makes (permissions, tag associations) therefore joins one chain per stack: each
 * waits for the one before. The chain only adds `DependsOn`, which never replaces a resource, so
 * reordering input reorders the chain without revoking anything.
 */
import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

const chains = new WeakMap<Stack, LakeFormationWriteChain>();

export class LakeFormationWriteChain {
  /** The chain of the stack that holds `scope`. */
  static of(scope: IConstruct): LakeFormationWriteChain {
    const stack = Stack.of(scope);
    let chain = chains.get(stack);
    if (!chain) {
      chain = new LakeFormationWriteChain();
      chains.set(stack, chain);
    }
    return chain;
  }

  private last?: CfnResource;

  private constructor() {}

  /** Makes `resource` deploy after every Lake Formation write appended before it. */
  append(resource: CfnResource): void {
    if (this.last) resource.node.addDependency(this.last);
    this.last = resource;
  }
}
