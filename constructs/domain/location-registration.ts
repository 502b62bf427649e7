/**
 * Registers the domain's data bucket with the domain account's own Lake Formation, through a
 * custom role (never the service-linked role: that one cannot be limited to the product prefixes
 * nor granted the customer-managed key in the key policy).
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Lazy } from 'aws-cdk-lib';
import { Construct, Dependable } from 'constructs';
import { acknowledgeWildcardResources } from './nag-acknowledgements';

export interface LocationRegistrationProps {
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
}

export class LocationRegistration extends Construct {
  /** The role Lake Formation assumes to read and write registered data. */
  readonly role: iam.Role;
  /**
   * The role's permissions. A managed policy rather than the role's inline default policy
   * (NIST 800-53 R5 IAMNoInlinePolicy): lakemesh owns the role, so nothing else competes for its
   * managed-policy attachments.
   */
  readonly policy: iam.ManagedPolicy;
  /** The `AWS::LakeFormation::Resource`. */
  readonly resource: lakeformation.CfnResource;
  private readonly prefixes: string[] = [];
  private objects?: iam.PolicyStatement;

  constructor(scope: Construct, id: string, private readonly props: LocationRegistrationProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lakeformation.amazonaws.com'),
      description: 'Lake Formation reads and writes the registered data products with this role.',
    });
    this.policy = new iam.ManagedPolicy(this, 'Policy', {
      description: 'lakemesh: what lake formation may do with the registered data products',
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
          resources: [props.key.keyArn],
        }),
      ],
    });
    this.resource = new lakeformation.CfnResource(this, 'Resource', {
      resourceArn: props.bucket.bucketArn,
      useServiceLinkedRole: false,
      roleArn: this.role.roleArn,
    });
    this.resource.node.addDependency(this.role, this.policy);
    // What depends on the registration waits for the registered location, which waits for its role
    // and policy: one DependsOn entry instead of three.
    Dependable.implement(this, { dependencyRoots: [this.resource] });
  }

  /** Lets Lake Formation read and write objects under `prefix` (no slash at either end). */
  allowPrefix(prefix: string): void {
    if (this.prefixes.includes(prefix)) return;
    this.prefixes.push(prefix);
    const objects = this.props.bucket.arnForObjects(`${prefix}/*`);
    acknowledgeWildcardResources(
      this.policy,
      [objects],
      'lake formation reads and writes every object of a registered product, whose keys are unknown at synth; the wildcard covers one product prefix',
    );
    if (this.objects) {
      this.objects.addResources(objects);
      return;
    }
    this.objects = new iam.PolicyStatement({
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resources: [objects],
    });
    this.policy.addStatements(
      this.objects,
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': Lazy.list({ produce: () => this.prefixes.map((p) => `${p}/*`) }) } },
      }),
    );
  }
}
