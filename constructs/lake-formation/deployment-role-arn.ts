/**
 * The ARN of the role CloudFormation deploys a stack with, when the stack's synthesizer says which
 * one it is. Only `DefaultStackSynthesizer` (and its subclasses) does: it deploys through the
 * bootstrap's CloudFormation execution role, whose ARN honours a custom `qualifier`, the
 * `@aws-cdk/core:bootstrapQualifier` context and a custom `cloudFormationExecutionRole`. Other
 * synthesizers deploy with whatever credentials run `cdk deploy`, which synth cannot know.
 */
import { DefaultStackSynthesizer, Fn, Stack } from 'aws-cdk-lib';

export function synthesizerDeploymentRoleArn(stack: Stack): string | undefined {
  const synthesizer = stack.synthesizer;
  if (!(synthesizer instanceof DefaultStackSynthesizer)) return undefined;
  // The synthesizer fills in the qualifier, and the account and region when the stack has them;
  // placeholders such as `${AWS::Partition}` are left for CloudFormation to substitute.
  const arn = synthesizer.cloudFormationExecutionRoleArn;
  return arn.includes('${') ? Fn.sub(arn) : arn;
}
