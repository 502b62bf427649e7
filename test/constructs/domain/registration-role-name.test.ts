import { MAX_ROLE_NAME_LENGTH, registrationRoleName } from '../../../constructs/domain/registration-role-name';

describe('registrationRoleName', () => {
  test('is <mesh>-<domain>-registration', () => {
    expect(registrationRoleName('retail', 'sales')).toBe('retail-sales-registration');
  });

  test('a name that would pass 64 characters keeps its start, ends in a hash and fits', () => {
    const name = registrationRoleName('a-rather-long-mesh-name', 'and-an-even-longer-domain-name-x');
    expect(name).toBe(registrationRoleName('a-rather-long-mesh-name', 'and-an-even-longer-domain-name-x'));
    expect(name).toMatch(/^a-rather-long-mesh-name-and-an-even-longer-[0-9a-f]{8}-registration$/);
    expect(name).toHaveLength(MAX_ROLE_NAME_LENGTH);
  });

  test('a shortened name never has two hyphens in a row', () => {
    // the cut falls right after a hyphen of the domain name
    const name = registrationRoleName('a-rather-long-mesh-name', 'and-an-even-longe-rest-of-name-x');
    expect(name).toMatch(/^a-rather-long-mesh-name-and-an-even-longe-[0-9a-f]{8}-registration$/);
    expect(name).not.toContain('--');
  });

  test('long names that share their start still differ', () => {
    const base = 'a-rather-long-mesh-name';
    expect(registrationRoleName(base, 'and-an-even-longer-domain-name-x')).not.toBe(
      registrationRoleName(base, 'and-an-even-longer-domain-name-y'),
    );
  });

  test('a name of exactly 64 characters is kept as it is', () => {
    const domain = 'd'.repeat(64 - 'm--registration'.length);
    expect(registrationRoleName('m', domain)).toBe(`m-${domain}-registration`);
  });
});
