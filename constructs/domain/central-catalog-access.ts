/**
 * Bucket and key policy statements that let the central governance account's registration role
 * read a domain's product prefixes (central-catalog model), and nothing else.
 *
 * The principal is the governance account narrowed by `aws:PrincipalArn` to the registration
 * role, rather than the role itself: S3 and KMS reject a policy naming a role that does not exist
 * yet, and the governance stack creating that role may deploy after the domain stack.
 */
import { Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { registrationRoleName } from './registration-role-name';

export interface CentralCatalogAccessProps {
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
  readonly governanceAccount: string;
  readonly meshName: string;
  readonly domainName: string;
}

export class CentralCatalogAccess {
  /** ARN of the governance account's registration role this access is for. */
  readonly registrationRoleArn: string;
  private readonly prefixes: string[] = [];
  private readObjects?: iam.PolicyStatement;

  constructor(private readonly props: CentralCatalogAccessProps) {
    this.registrationRoleArn = Stack.of(props.bucket).formatArn({
      service: 'iam',
      region: '',
      account: props.governanceAccount,
      resource: 'role',
      resourceName: registrationRoleName(props.meshName, props.domainName),
    });
  }

  /** Lets the registration role read objects under `prefix` (without slashes at either end). */
  allowPrefix(prefix: string): void {
    if (this.prefixes.includes(prefix)) return;
    this.prefixes.push(prefix);
    const objects = this.props.bucket.arnForObjects(`${prefix}/*`);
    if (this.readObjects) {
      this.readObjects.addResources(objects);
      return;
    }
    this.readObjects = this.statement('CentralRegistrationReadProducts', ['s3:GetObject'], [objects]);
    this.props.bucket.addToResourcePolicy(this.readObjects);
    const list = this.statement('CentralRegistrationListProducts', ['s3:ListBucket'], [this.props.bucket.bucketArn]);
    list.addCondition('StringLike', { 's3:prefix': Lazy.list({ produce: () => this.prefixes.map((p) => `${p}/*`) }) });
    this.props.bucket.addToResourcePolicy(list);
    this.props.bucket.addToResourcePolicy(
      this.statement('CentralRegistrationBucketLocation', ['s3:GetBucketLocation'], [this.props.bucket.bucketArn]),
    );
    const decrypt = this.statement('CentralRegistrationDecrypt', ['kms:Decrypt'], ['*']);
    decrypt.addCondition('StringEquals', { 'kms:ViaService': `s3.${Stack.of(this.props.bucket).region}.amazonaws.com` });
    this.props.key.addToResourcePolicy(decrypt);
  }

  private statement(sid: string, actions: string[], resources: string[]): iam.PolicyStatement {
    return new iam.PolicyStatement({
      sid,
      principals: [new iam.AccountPrincipal(this.props.governanceAccount)],
      actions,
      resources,
      conditions: { ArnEquals: { 'aws:PrincipalArn': this.registrationRoleArn } },
    });
  }
}
