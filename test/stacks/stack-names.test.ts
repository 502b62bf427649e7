import { consumerStackName, domainStackName, governanceStackName } from '../../lib/stacks/stack-names';

describe('stack names', () => {
  test('are <mesh>-domain-<domain>, <mesh>-governance and <mesh>-consumer-<consumer>', () => {
    expect(domainStackName('retail', 'click-stream')).toBe('retail-domain-click-stream');
    expect(governanceStackName('retail')).toBe('retail-governance');
    expect(consumerStackName('retail', 'marketing')).toBe('retail-consumer-marketing');
  });
});
