import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DATA_STORE_METADATA_KEY } from '../../grants/grant-metadata';
import { asList, field, refTarget } from '../cfn-values';
import { isDataStore } from '../grant-fields';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';

/** The tag `Bucket({ autoDeleteObjects: true })` puts on its bucket. */
export const AUTO_DELETE_OBJECTS_TAG = 'aws-cdk:auto-delete-objects';

/** The custom resource `Bucket({ autoDeleteObjects: true })` adds to empty its bucket on delete. */
export const AUTO_DELETE_OBJECTS_RESOURCE_TYPE = 'Custom::S3AutoDeleteObjects';

/**
 * `RetainExceptOnCreate` deletes only when the stack's first creation rolls back, before any
 * product data can be in the store.
 */
const RETAINING_DELETION_POLICIES: ReadonlySet<unknown> = new Set(['Retain', 'RetainExceptOnCreate']);

/** Buckets and keys that hold product data outlive their stack and are never emptied by CDK. */
export const DataStoresRetained: DataMeshRule = {
  name: 'DataStoresRetained',
  info: `The data store (a bucket or key with '${DATA_STORE_METADATA_KEY}' Metadata) is not retained: its DeletionPolicy or UpdateReplacePolicy is not Retain, or the bucket has autoDeleteObjects.`,
  explanation:
    'Product data must survive a stack deletion, a resource replacement and a product removed from mesh.yaml; a deleted KMS key makes every object it encrypted unreadable. Use RemovalPolicy.RETAIN and never autoDeleteObjects on data buckets.',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::S3::Bucket', 'AWS::KMS::Key'],
  check(resource: MeshResource): NagRuleCompliance {
    if (!isDataStore(resource)) return NagRuleCompliance.NOT_APPLICABLE;
    const retained =
      RETAINING_DELETION_POLICIES.has(resource.deletionPolicy) && resource.updateReplacePolicy === 'Retain';
    return compliantWhen(retained && !(resource.type === 'AWS::S3::Bucket' && autoDeletesObjects(resource)));
  },
};

/**
 * The tag is added by an Aspect at synth time; the custom resource exists as soon as the bucket
 * does. Look for both so the rule works before and after synthesis.
 */
function autoDeletesObjects(bucket: MeshResource): boolean {
  const tagged = asList(bucket.properties.Tags).some(
    (tag) => field(tag, 'Key') === AUTO_DELETE_OBJECTS_TAG && String(field(tag, 'Value')) === 'true',
  );
  return (
    tagged ||
    bucket
      .inSameStack(AUTO_DELETE_OBJECTS_RESOURCE_TYPE)
      .some((custom) => refTarget(custom.properties.BucketName) === bucket.logicalId)
  );
}
