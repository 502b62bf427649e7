/**
 * Whether the synth writes `tree.json`, the construct tree that IDE tooling browses. aws-cdk-lib
 * writes every L1 resource into it with its properties resolved once more: on a large mesh that is
 * every template over again (170 MB at 188,000 resources), an extra pass over every resource and a
 * fifth of the synth's memory, for a tree too large to browse. Small meshes keep it.
 */
import { App, CfnResource } from 'aws-cdk-lib';

/** Context key: `true` always writes tree.json, `false` never; unset, up to `TREE_METADATA_MAX_RESOURCES`. */
export const TREE_METADATA_CONTEXT_KEY = 'lakemesh:treeMetadata';
/** The example and S-sized meshes (under 2,000 resources) keep the tree; M (45,000) does not. */
export const TREE_METADATA_MAX_RESOURCES = 20_000;

/**
 * Turns `app`'s tree metadata off when the context says so, or when it is unset and the app holds
 * more than `maxResources` resources. Call it once the constructs are built.
 * @returns whether tree.json will be written
 */
export function limitTreeMetadata(app: App, maxResources = TREE_METADATA_MAX_RESOURCES): boolean {
  const internals = app as unknown as { _treeMetadata?: boolean };
  // An app created with `treeMetadata: false` stays without it.
  if (internals._treeMetadata === false) return false;
  const setting: unknown = app.node.tryGetContext(TREE_METADATA_CONTEXT_KEY);
  const keep =
    setting === true || setting === 'true'
      ? true
      : setting === false || setting === 'false'
        ? false
        : app.node.findAll().filter(CfnResource.isCfnResource).length <= maxResources;
  // aws-cdk-lib reads the App's `treeMetadata` prop only when it synthesizes.
  internals._treeMetadata = keep;
  return keep;
}
