/**
 * `retail-domain-<domain>` built from the example mesh: the domain's storage and local catalog in its
 * own account, its producers (roles of that account only) and, with central-catalog sharing only,
 * the bucket and key policy statements for the governance account's registration role.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { MeshConfig } from '../../lib/config/model';
import { DomainStack } from '../../lib/stacks/domain-stack';
import { loadExampleMesh, withPartition } from '../support/mesh-app-fixture';

function salesStack(mesh: MeshConfig = loadExampleMesh()) {
  const domain = mesh.domains.find((candidate) => candidate.name === 'sales')!;
  const stack = new DomainStack(new App(), 'Sales', { mesh, domain });
  return { stack, template: Template.fromStack(stack), text: JSON.stringify(withPartition(Template.fromStack(stack).toJSON())) };
}

describe('DomainStack', () => {
  test('is named <mesh>-domain-<domain> and deploys to the domain account in the mesh region', () => {
    const { stack } = salesStack();
    expect(stack.stackName).toBe('retail-domain-sales');
    expect([stack.account, stack.region]).toEqual(['222222222222', 'eu-west-1']);
  });

  test('holds every product of the domain, by slug, in a bucket named <mesh>-<domain>-<account>-<region>', () => {
    const { stack, template } = salesStack();
    expect([...stack.products.keys()]).toEqual(['daily_revenue', 'orders']);
    template.hasResourceProperties('AWS::S3::Bucket', { BucketName: 'retail-sales-222222222222-eu-west-1' });
    expect(stack.domain.domainName).toBe('sales');
  });

  test("grants the domain's producers on its products", () => {
    const { template } = salesStack();
    const principals = Object.values(template.findResources('AWS::LakeFormation::PrincipalPermissions')).map(
      (resource) => resource.Properties.Principal.DataLakePrincipalIdentifier,
    );
    expect([...new Set(principals)].sort()).toEqual(['arn:aws:iam::222222222222:role/sales-data-engineer', 'arn:aws:iam::222222222222:role/sales-etl']);
  });

  test('makes no principal of another account a Lake Formation admin of the domain account', () => {
    const { template } = salesStack();
    template.hasResourceProperties('Custom::LakemeshDataLakeSettings', { Admins: [] });
  });

  test('with central-catalog sharing, lets the governance registration role read the product prefixes and decrypt through S3', () => {
    const { text } = salesStack();
    expect(text).toContain('"aws:PrincipalArn":"arn:aws:iam::111111111111:role/retail-sales-registration"');
    for (const sid of ['CentralRegistrationReadProducts', 'CentralRegistrationListProducts', 'CentralRegistrationBucketLocation', 'CentralRegistrationDecrypt']) {
      expect(text).toContain(`"Sid":"${sid}"`);
    }
  });

  test('with producer-direct sharing, admits no governance role to its data', () => {
    const mesh = loadExampleMesh();
    const { text } = salesStack({ ...mesh, governance: { ...mesh.governance, sharing: 'producer-direct' } });
    expect(text).not.toContain('111111111111');
    expect(text).not.toContain('CentralRegistration');
  });
});
