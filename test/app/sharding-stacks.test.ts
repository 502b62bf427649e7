/**
 * The stack-level pieces sharding adds (lib/stacks): shard names, logical ids allocated once without
 * changing any template, and the placeholder of an emptied shard.
 */
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MeshStack } from '../../lib/stacks/mesh-stack';
import { ShardStack } from '../../lib/stacks/shard-stack';
import { shardStackName } from '../../lib/stacks/stack-names';

function tree(stack: Stack): void {
  const product = new Construct(new Construct(stack, 'Governance'), 'Product-orders');
  const database = new CfnResource(product, 'Resource', { type: 'AWS::Glue::Database', properties: { DatabaseInput: { Name: 'sales_orders' } } });
  const table = new CfnResource(new Construct(product, 'Table-orders'), 'Resource', { type: 'AWS::Glue::Table', properties: { DatabaseName: 'sales_orders' } });
  table.addDependency(database);
}

describe('shardStackName', () => {
  test('keeps the group\'s stack name for shard 1 and appends --<n> after it', () => {
    expect(shardStackName('retail-governance', 1)).toBe('retail-governance');
    expect(shardStackName('retail-domain-sales', 2)).toBe('retail-domain-sales--2');
  });
});

describe('MeshStack', () => {
  test('allocates each logical id once, to the id CDK allocates: the template does not change', () => {
    const plain = new Stack(new App(), 'Plain');
    const mesh = new MeshStack(new App(), 'Plain');
    tree(plain);
    tree(mesh);
    const template = (stack: Stack) => JSON.stringify((stack.node.root as App).synth().getStackByName(stack.stackName).template);
    expect(template(mesh)).toBe(template(plain));
  });

  test('still applies renameLogicalId', () => {
    const stack = new MeshStack(new App(), 'Renaming');
    tree(stack);
    const table = stack.node.findAll().find((node): node is CfnResource => CfnResource.isCfnResource(node) && node.cfnResourceType === 'AWS::Glue::Table')!;
    const allocated = stack.resolve(table.logicalId);
    stack.renameLogicalId(allocated, 'OrdersTable');
    expect(stack.resolve(table.logicalId)).toBe('OrdersTable');
  });
});

describe('ShardStack', () => {
  test('creates its root construct on first use, once', () => {
    const shard = new ShardStack(new App(), 'Governance--2', { stackName: 'retail-governance--2', env: { account: '111111111111', region: 'eu-west-1' }, rootId: 'Governance' });
    expect(shard.root).toBe(shard.root);
    expect(shard.root.node.path).toBe('Governance--2/Governance');
  });

  test('gives a shard without resources one placeholder, and none to a shard that has some', () => {
    const app = new App();
    const empty = new ShardStack(app, 'Governance--3', { stackName: 'retail-governance--3', env: { account: '111111111111', region: 'eu-west-1' }, rootId: 'Governance' });
    const full = new ShardStack(app, 'Governance--4', { stackName: 'retail-governance--4', env: { account: '111111111111', region: 'eu-west-1' }, rootId: 'Governance' });
    new CfnResource(full.root, 'Handle', { type: 'AWS::CloudFormation::WaitConditionHandle' });
    empty.keepWhenEmpty();
    full.keepWhenEmpty();
    const assembly = app.synth();
    expect(assembly.getStackByName('retail-governance--3').template.Resources).toEqual({ EmptyShard: { Type: 'AWS::CloudFormation::WaitConditionHandle' } });
    expect(Object.keys(assembly.getStackByName('retail-governance--4').template.Resources)).toEqual([expect.stringMatching(/^GovernanceHandle/)]);
  });
});
