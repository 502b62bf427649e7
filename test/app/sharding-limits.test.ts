/**
 * The last line of defence: every mesh stack's synthesizer compares the template it wrote with the
 * shard limits, so that a stack whose units grew past them fails `cdk synth`, not a deployment.
 */
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { shardLimits } from '../../lib/sharding/limits';
import { LimitCheckingSynthesizer } from '../../lib/stacks/limit-checking-synthesizer';
import { temporaryDirectory } from '../support/mesh-app-fixture';
import { problemsOf } from '../support/problems';

const LIMITS = shardLimits({ maxResources: 3, maxTemplateBytes: 4_000 });

function stackWith(resources: number, padding = 0): App {
  const app = new App({ outdir: temporaryDirectory('lakemesh-limits-') });
  const stack = new Stack(app, 'Big', { stackName: 'retail-governance--7', synthesizer: new LimitCheckingSynthesizer(LIMITS) });
  for (let i = 0; i < resources; i++) {
    new CfnResource(stack, `Handle${i}`, { type: 'AWS::CloudFormation::WaitConditionHandle' });
  }
  if (padding > 0) new CfnResource(stack, 'Padded', { type: 'AWS::SSM::Parameter', properties: { Type: 'String', Value: 'x'.repeat(padding) } });
  return app;
}


describe('LimitCheckingSynthesizer', () => {
  test('lets a stack within the limits synthesize', () => {
    expect(stackWith(3).synth().getStackByName('retail-governance--7').template.Resources).toBeDefined();
  });

  test('fails a stack with more resources than the limit', () => {
    expect(problemsOf(() => stackWith(4).synth())).toEqual([
      {
        code: 'LM541',
        path: 'Big',
        message: 'stack retail-governance--7 holds 4 resources, more than the 3 a mesh stack may hold (cloudformation stops at 500); its units grew in place since they were placed: run `lakemesh lock` to move the newest of them to a new shard, and review the moves',
      },
    ]);
  });

  test('fails a stack whose template is larger than the limit, giving its size', () => {
    const [problem] = problemsOf(() => stackWith(1, 5_000).synth());
    expect(problem.code).toBe('LM542');
    expect(problem.message).toMatch(
      /^the template of stack retail-governance--7 is \d{4} bytes, more than the 4000 a mesh stack may take \(cloudformation stops at 1 MB\); its units grew in place since they were placed: run `lakemesh lock` to move the newest of them to a new shard, and review the moves$/,
    );
  });
});
