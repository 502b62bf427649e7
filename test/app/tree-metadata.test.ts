import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { limitTreeMetadata, TREE_METADATA_CONTEXT_KEY, TREE_METADATA_MAX_RESOURCES } from '../../lib/app/tree-metadata';
import { temporaryDirectory } from '../support/mesh-app-fixture';

/** An app of `resources` resources in one stack, writing to a fresh directory. */
function appWith(resources: number, context: Record<string, unknown> = {}, props: { treeMetadata?: boolean } = {}): App {
  const app = new App({ outdir: temporaryDirectory('lakemesh-tree-'), context, ...props });
  const stack = new Stack(app, 'Stack');
  for (let i = 0; i < resources; i++) new CfnResource(stack, `Handle${i}`, { type: 'AWS::CloudFormation::WaitConditionHandle' });
  return app;
}

/** Synthesizes `app`: whether it wrote tree.json, and whether its manifest lists the tree. */
function treeWritten(app: App): { file: boolean; artifact: boolean } {
  const assembly = app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'manifest.json'), 'utf8')) as { artifacts: Record<string, { type: string }> };
  return {
    file: fs.existsSync(path.join(assembly.directory, 'tree.json')),
    artifact: Object.values(manifest.artifacts).some((artifact) => artifact.type === 'cdk:tree'),
  };
}

describe('limitTreeMetadata', () => {
  test('keeps tree.json up to the limit of resources and drops it above', () => {
    const small = appWith(3);
    expect(limitTreeMetadata(small, 3)).toBe(true);
    expect(treeWritten(small)).toEqual({ file: true, artifact: true });

    const large = appWith(4);
    expect(limitTreeMetadata(large, 3)).toBe(false);
    expect(treeWritten(large)).toEqual({ file: false, artifact: false });
  });

  test('the default limit keeps the tree of a mesh the size of S (1,554 resources) and drops that of M (45,501)', () => {
    expect(TREE_METADATA_MAX_RESOURCES).toBeGreaterThan(1_554);
    expect(TREE_METADATA_MAX_RESOURCES).toBeLessThan(45_501);
  });

  test.each([
    [true, true],
    ['true', true],
    [false, false],
    ['false', false],
  ])('the context %p decides whatever the size', (setting, keep) => {
    const app = appWith(keep ? 4 : 1, { [TREE_METADATA_CONTEXT_KEY]: setting });
    expect(limitTreeMetadata(app, 3)).toBe(keep);
    expect(treeWritten(app).file).toBe(keep);
  });

  test('an app created without tree metadata stays without it', () => {
    const app = appWith(1, { [TREE_METADATA_CONTEXT_KEY]: true }, { treeMetadata: false });
    expect(limitTreeMetadata(app)).toBe(false);
    expect(treeWritten(app).file).toBe(false);
  });
});
