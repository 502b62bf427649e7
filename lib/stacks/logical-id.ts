import { CfnResource } from 'aws-cdk-lib';

/**
 * The logical ID `resource` gets in its template (an override, else the stack's allocation), without
 * resolving the `logicalId` token: the resolver costs more than the allocation, once per resource of
 * a large stack. `_synthesizeLogicalId` is protected; only read.
 */
export function logicalIdOf(resource: CfnResource): string {
  return (resource as unknown as { _synthesizeLogicalId(): string })._synthesizeLogicalId();
}
