import { RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AUTO_DELETE_OBJECTS_TAG, DataStoresRetained, dataMeshRuleId } from '../../../lib/nag';
import { dataBucket, dataKey, findingsOf, newStack, rawResource } from '../fixtures';

const RULE = dataMeshRuleId(DataStoresRetained);

function flagged(...paths: string[]) {
  return paths.map((path) => ({ ruleId: 'DataMesh-DataStoresRetained', severity: 'error', path, description: DataStoresRetained.info }));
}

describe('DataMesh-DataStoresRetained', () => {
  test('fires on a data bucket and a data key with RemovalPolicy.DESTROY', () => {
    const stack = newStack();
    const key = dataKey(stack);
    const bucket = dataBucket(stack, key);
    key.applyRemovalPolicy(RemovalPolicy.DESTROY);
    bucket.applyRemovalPolicy(RemovalPolicy.DESTROY);
    expect(findingsOf(stack, RULE)).toEqual(flagged(key.node.path, bucket.node.path));
  });

  test('fires on a data key whose UpdateReplacePolicy is not Retain', () => {
    const stack = newStack();
    const key = dataKey(stack);
    key.cfnOptions.updateReplacePolicy = undefined;
    expect(findingsOf(stack, RULE)).toEqual(flagged(key.node.path));
  });

  test('fires on a retained data bucket emptied by a Custom::S3AutoDeleteObjects resource', () => {
    const stack = newStack();
    const bucket = dataBucket(stack, dataKey(stack));
    rawResource(stack, 'AutoDelete', 'Custom::S3AutoDeleteObjects', { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:x', BucketName: bucket.ref });
    expect(findingsOf(stack, RULE)).toEqual(flagged(bucket.node.path));
  });

  test(`fires on a retained data bucket tagged ${AUTO_DELETE_OBJECTS_TAG}`, () => {
    const stack = newStack();
    const bucket = dataBucket(stack, dataKey(stack), 'DataBucket', { tags: [{ key: AUTO_DELETE_OBJECTS_TAG, value: 'true' }] });
    expect(findingsOf(stack, RULE)).toEqual(flagged(bucket.node.path));
  });

  test('is silent on retained data stores, RetainExceptOnCreate, and stores that hold no product data', () => {
    const stack = newStack();
    const key = dataKey(stack);
    dataBucket(stack, key);
    dataBucket(stack, key, 'StagingBucket').applyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
    new s3.Bucket(stack, 'Scratch', { autoDeleteObjects: true, removalPolicy: RemovalPolicy.DESTROY });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
