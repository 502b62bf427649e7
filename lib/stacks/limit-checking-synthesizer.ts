/**
 * The stack synthesizer of every mesh stack: CDK's default one, which first drops the `DependsOn`
 * entries that others imply (see implied-dependencies.ts) and after writing a template checks it
 * against the shard limits. The planner fills stacks from estimates; this is where the real figures
 * are compared, so that an over-full stack fails `cdk synth`, not a deployment; so are the policy
 * documents AWS caps in size (policy-size.ts). It then announces
 * the template (template-written.ts), for validation to start on it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CfnResource, DefaultStackSynthesizer, ISynthesisSession, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { LakemeshError } from '../errors';
import { SHARDING_CODES } from '../sharding/codes';
import { ShardLimits } from '../sharding/limits';
import { removeImpliedDependencies } from './implied-dependencies';
import { oversizedPolicies } from './policy-size';
import { templateWritten } from './template-written';

export class LimitCheckingSynthesizer extends DefaultStackSynthesizer {
  constructor(private readonly limits: ShardLimits) {
    super();
  }

  override synthesize(session: ISynthesisSession): void {
    removeImpliedDependencies(this.boundStack);
    super.synthesize(session);
    const stack = this.boundStack;
    const cfnResources = resourcesOf(stack);
    const resources = cfnResources.length;
    const templatePath = path.join(session.outdir, stack.templateFile);
    const bytes = fs.statSync(templatePath).size;
    const problems = [];
    if (resources > this.limits.maxResources) {
      problems.push({
        code: SHARDING_CODES.tooManyResources,
        path: stack.node.path,
        message: `stack ${stack.stackName} holds ${resources} resources, more than the ${this.limits.maxResources} a mesh stack may hold (cloudformation stops at 500); its units grew in place since they were placed: run \`lakemesh lock\` to move the newest of them to a new shard, and review the moves`,
      });
    }
    if (bytes > this.limits.maxTemplateBytes) {
      problems.push({
        code: SHARDING_CODES.templateTooLarge,
        path: stack.node.path,
        message: `the template of stack ${stack.stackName} is ${bytes} bytes, more than the ${this.limits.maxTemplateBytes} a mesh stack may take (cloudformation stops at 1 MB); its units grew in place since they were placed: run \`lakemesh lock\` to move the newest of them to a new shard, and review the moves`,
      });
    }
    for (const { resource, limit, minimumCharacters } of oversizedPolicies(stack, cfnResources)) {
      problems.push({
        code: SHARDING_CODES.policyTooLarge,
        path: resource.node.path,
        message: `the ${limit.property} of ${resource.cfnResourceType} ${resource.node.path} in stack ${stack.stackName} takes at least ${minimumCharacters} characters once deployed, and ${limit.rule}: the deploy would fail. Such a policy grows with the products of a domain: give the domain fewer products`,
      });
    }
    if (problems.length > 0) throw new LakemeshError(problems);
    templateWritten(stack, templatePath);
  }
}

/** CloudFormation resources of `stack` itself (not of nested stacks or stages below it). */
function resourcesOf(stack: Stack): CfnResource[] {
  const resources: CfnResource[] = [];
  const visit = (node: IConstruct) => {
    for (const child of node.node.children) {
      if (Stack.isStack(child)) continue;
      if (CfnResource.isCfnResource(child)) resources.push(child);
      visit(child);
    }
  };
  visit(stack);
  return resources;
}
