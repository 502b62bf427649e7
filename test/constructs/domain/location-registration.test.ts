import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LocationRegistration } from '../../../constructs/domain/location-registration';
import { problemsOf } from '../../support/problems';

function registration(domainName?: string) {
  const stack = new Stack(new App(), 'Domain', { env: { account: '222222222222', region: 'eu-west-1' } });
  const bucket = new s3.Bucket(stack, 'Bucket');
  const key = new kms.Key(stack, 'Key');
  return { stack, registration: new LocationRegistration(stack, 'Registration', { bucket, key, domainName }) };
}

/** 300 prefixes of 60 characters: more than 8 policies of 6,144 characters hold. */
const LONG_PREFIXES = Array.from({ length: 300 }, (_, index) => `p${String(index).padStart(3, '0')}_${'x'.repeat(56)}`);

describe('LocationRegistration', () => {
  test('the registered location waits for every policy of the role', () => {
    const { stack, registration: location } = registration('sales');
    for (const prefix of LONG_PREFIXES.slice(0, 60)) location.allowPrefix(prefix);
    const template = Template.fromStack(stack);
    const policies = Object.keys(template.findResources('AWS::IAM::ManagedPolicy'));
    expect(policies.length).toBeGreaterThan(1);
    expect(location.policies).toHaveLength(policies.length);
    const [resource] = Object.values(template.findResources('AWS::LakeFormation::Resource'));
    expect(resource.DependsOn).toEqual(expect.arrayContaining(policies));
  });

  test('fails naming the domain when its products need more than 8 policies', () => {
    const { stack, registration: location } = registration('sales');
    for (const prefix of LONG_PREFIXES) location.allowPrefix(prefix);
    expect(problemsOf(() => Template.fromStack(stack))).toEqual([
      {
        code: 'LM347',
        path: '',
        message:
          "the policies of the lake formation registration role of domain sales list 300 products, more than 8 managed policies of 6,144 characters hold (IAM attaches 10 managed policies to a role by default); split the domain's products over two domains",
      },
    ]);
  });

  test('without a domain name the message names the construct', () => {
    const { stack, registration: location } = registration();
    for (const prefix of LONG_PREFIXES) location.allowPrefix(prefix);
    expect(problemsOf(() => Template.fromStack(stack))[0].message).toMatch(/^the policies of the lake formation registration role of Domain\/Registration list 300 products/);
  });
});
