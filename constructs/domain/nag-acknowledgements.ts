/**
 * Narrow cdk-nag acknowledgements. `AwsSolutions-IAM5` reports each wildcard resource as its own
 * finding (`AwsSolutions-IAM5[Resource::<flattened ARN>]`); acknowledging exactly those findings
 * leaves any other wildcard on the same policy reported.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import { IConstruct } from 'constructs';

/** Acknowledges `AwsSolutions-IAM5` for exactly these wildcard resources of `policy`. */
export function acknowledgeWildcardResources(policy: IConstruct, resources: readonly string[], reason: string): void {
  const stack = Stack.of(policy);
  Validations.of(policy).acknowledge(
    ...resources.map((resource) => ({ id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(stack.resolve(resource))}]`, reason })),
  );
}
