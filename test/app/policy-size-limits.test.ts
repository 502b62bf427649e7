/**
 * A domain's registration policy lists each of its products: past IAM's cap the deploy would fail
 * halfway, so synth refuses it (LM554) and says what to do. lakemesh does not split these policies
 * yet (docs/sharding.md, "Limits of this design").
 */
import { GeneratedMesh, synthesize } from '../sharding/sharding-fixture';
import { problemsOf } from '../support/problems';

const SYNTH_TIMEOUT_MS = 120_000;

function oneDomainWith(products: number): GeneratedMesh {
  return new GeneratedMesh({ name: 'policy-size', domains: 1, products, grants: 2, consumers: 1 });
}

describe('policy sizes of a domain with many products', () => {
  test(
    'a domain of 55 products synthesizes; at 65 the registration role\'s policy would pass 6,144 characters, and synth says so',
    () => {
      expect(() => synthesize(oneDomainWith(55).write())).not.toThrow();
      expect(problemsOf(() => synthesize(oneDomainWith(65).write()))).toEqual([
        {
          code: 'LM554',
          path: 'Mesh/Governance/Governance/Domain-domain-0001/Registration/ReadProducts/Resource',
          message: expect.stringMatching(
            /^the PolicyDocument of AWS::IAM::ManagedPolicy \S+ in stack \S+ takes at least 6\d{3} characters once deployed, and IAM allows 6,144 characters per managed policy: the deploy would fail\. Such a policy grows with the products of a domain, and lakemesh does not split it yet: give the domain fewer products$/,
          ),
        },
      ]);
    },
    SYNTH_TIMEOUT_MS,
  );
});
