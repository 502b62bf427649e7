import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataBucketsUseCmk, dataMeshRuleId } from '../../../lib/nag';
import { PRODUCER_ACCOUNT, dataBucket, dataKey, findingsOf, newStack } from '../fixtures';

const RULE = dataMeshRuleId(DataBucketsUseCmk);

function flagged(path: string) {
  return [{ ruleId: 'DataMesh-DataBucketsUseCmk', severity: 'error', path, description: DataBucketsUseCmk.info }];
}

function encryption(byDefault: s3.CfnBucket.ServerSideEncryptionByDefaultProperty): s3.CfnBucket.BucketEncryptionProperty {
  return { serverSideEncryptionConfiguration: [{ serverSideEncryptionByDefault: byDefault }] };
}

describe('DataMesh-DataBucketsUseCmk', () => {
  test.each<[string, Partial<s3.CfnBucketProps>]>([
    ['no default encryption', { bucketEncryption: undefined }],
    ['SSE-S3 (AES256)', { bucketEncryption: encryption({ sseAlgorithm: 'AES256' }) }],
    ['aws:kms without a key', { bucketEncryption: encryption({ sseAlgorithm: 'aws:kms' }) }],
    ['the AWS managed alias/aws/s3', { bucketEncryption: encryption({ sseAlgorithm: 'aws:kms', kmsMasterKeyId: 'alias/aws/s3' }) }],
    [
      'the AWS managed key by alias ARN',
      { bucketEncryption: encryption({ sseAlgorithm: 'aws:kms', kmsMasterKeyId: `arn:aws:kms:eu-west-1:${PRODUCER_ACCOUNT}:alias/aws/s3` }) },
    ],
  ])('fires on a data bucket with %s', (_name, props) => {
    const stack = newStack(PRODUCER_ACCOUNT);
    const bucket = dataBucket(stack, dataKey(stack), 'DataBucket', props);
    expect(findingsOf(stack, RULE)).toEqual(flagged(bucket.node.path));
  });

  test.each([false, undefined])('fires on a data key with EnableKeyRotation %s', (enableKeyRotation) => {
    const stack = newStack(PRODUCER_ACCOUNT);
    const key = dataKey(stack, 'DataKey', { enableKeyRotation });
    expect(findingsOf(stack, RULE)).toEqual(flagged(key.node.path));
  });

  test('is silent on data buckets under a customer managed key and rotating data keys', () => {
    const stack = newStack(PRODUCER_ACCOUNT);
    dataBucket(stack, dataKey(stack));
    dataBucket(stack, dataKey(stack, 'OtherKey'), 'DsseBucket', {
      bucketEncryption: encryption({ sseAlgorithm: 'aws:kms:dsse', kmsMasterKeyId: `arn:aws:kms:eu-west-1:${PRODUCER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }),
    });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });

  test('is silent on buckets that hold no product data', () => {
    const stack = newStack(PRODUCER_ACCOUNT);
    new s3.Bucket(stack, 'AccessLogs', { encryption: s3.BucketEncryption.S3_MANAGED });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
