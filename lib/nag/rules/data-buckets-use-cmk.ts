import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DATA_STORE_METADATA_KEY } from '../../grants/grant-metadata';
import { field, flattenString, isIntrinsic, isPresent, literalBoolean } from '../cfn-values';
import { isDataStore } from '../grant-fields';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';

const KMS_ALGORITHMS: ReadonlySet<unknown> = new Set(['aws:kms', 'aws:kms:dsse']);

/** `alias/aws/s3` and the other AWS managed keys, by alias or alias ARN. */
const AWS_MANAGED_KEY_ALIAS = /(^|:)alias\/aws\//;

/** Data buckets are encrypted with a customer managed key; data keys rotate. */
export const DataBucketsUseCmk: DataMeshRule = {
  name: 'DataBucketsUseCmk',
  info: `The data store (with '${DATA_STORE_METADATA_KEY}' Metadata) is not under a rotating customer managed key: the bucket's default encryption is not aws:kms/aws:kms:dsse with a KMSMasterKeyID other than an AWS managed alias, or the key has EnableKeyRotation off.`,
  explanation:
    "The central account's registration role reads product data across accounts, which needs a key policy the producer controls: the policy of the AWS managed aws/s3 key cannot be changed, so no other account can ever decrypt. A key without rotation keeps one key material for the data's whole life. Encrypt data buckets with the domain's KMS key and enable its rotation.",
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::S3::Bucket', 'AWS::KMS::Key'],
  check(resource: MeshResource): NagRuleCompliance {
    if (!isDataStore(resource)) return NagRuleCompliance.NOT_APPLICABLE;
    return resource.type === 'AWS::KMS::Key' ? checkKey(resource) : checkBucket(resource);
  },
};

function checkKey(key: MeshResource): NagRuleCompliance {
  const rotation = key.properties.EnableKeyRotation;
  if (isIntrinsic(rotation)) return NagRuleCompliance.NOT_APPLICABLE;
  return compliantWhen(literalBoolean(rotation) === true);
}

function checkBucket(bucket: MeshResource): NagRuleCompliance {
  const rules = field(bucket.properties, 'BucketEncryption', 'ServerSideEncryptionConfiguration');
  if (isIntrinsic(rules)) return NagRuleCompliance.NOT_APPLICABLE;
  return compliantWhen(Array.isArray(rules) && rules.length > 0 && rules.every(usesCustomerManagedKey));
}

function usesCustomerManagedKey(rule: unknown): boolean {
  const byDefault = field(rule, 'ServerSideEncryptionByDefault');
  if (isIntrinsic(rule) || isIntrinsic(byDefault)) return true;
  const algorithm = field(byDefault, 'SSEAlgorithm');
  const keyId = field(byDefault, 'KMSMasterKeyID');
  const algorithmOk = isIntrinsic(algorithm) || KMS_ALGORITHMS.has(algorithm);
  const keyOk = isPresent(keyId) && !AWS_MANAGED_KEY_ALIAS.test(flattenString(keyId) ?? '');
  return algorithmOk && keyOk;
}
