import {
  fingerprint,
  MAX_PHYSICAL_ID_LENGTH,
  PHYSICAL_ID_PREFIX,
  readPreExisting,
  recordPreExisting,
} from '../../../lib/handlers/data-lake-settings/ownership-record';

const ROLE_A = 'arn:aws:iam::111111111111:role/a';
const ROLE_B = 'arn:aws:iam::111111111111:role/b';
const ROLE_C = 'arn:aws:iam::111111111111:role/c';

test('a recorded admin reads back as pre-existing, another does not', () => {
  const isPreExisting = readPreExisting(recordPreExisting([ROLE_A, ROLE_B]).physicalId);
  expect([ROLE_A, ROLE_B, ROLE_C].map(isPreExisting)).toEqual([true, true, false]);
});

test('with nothing to record the id is the bare prefix', () => {
  expect(recordPreExisting([])).toEqual({ physicalId: PHYSICAL_ID_PREFIX, unrecorded: [] });
});

test('the fingerprint is stable and short', () => {
  expect(fingerprint(ROLE_A)).toMatch(/^[0-9a-f]{12}$/);
  expect(fingerprint(ROLE_A)).toBe(fingerprint(`${ROLE_A}`));
  expect(fingerprint(ROLE_A)).not.toBe(fingerprint(ROLE_B));
});

test.each([undefined, PHYSICAL_ID_PREFIX, 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED', `other:kept=${fingerprint(ROLE_A)}`])(
  'physical id %s records nothing',
  (physicalId) => {
    expect(readPreExisting(physicalId)(ROLE_A)).toBe(false);
  },
);

test('stays within the 1 KB CloudFormation allows and reports what did not fit', () => {
  const many = Array.from({ length: 100 }, (_, i) => `arn:aws:iam::111111111111:role/admin-${i}`);
  const { physicalId, unrecorded } = recordPreExisting(many);
  expect(physicalId.length).toBeLessThanOrEqual(MAX_PHYSICAL_ID_LENGTH);
  expect(unrecorded).toEqual(many.slice(76));
  const isPreExisting = readPreExisting(physicalId);
  expect(isPreExisting(many[75])).toBe(true);
  expect(isPreExisting(many[76])).toBe(false);
});
