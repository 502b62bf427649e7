import { canonicalJson, fingerprint } from '../../lib/contract/fingerprint';
import { glueNameIssue, slugify } from '../../lib/contract/naming';

describe('slugify', () => {
  test.each([
    ['Orders', 'orders'],
    ['Web Orders (EU)', 'web_orders_eu'],
    ['--my__quantum--', 'my_quantum'],
    ['Straße 2', 'stra_e_2'],
    ['!!!', ''],
  ])('%j → %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe('glueNameIssue', () => {
  test('accepts lowercase letters, digits and underscores up to 255 characters', () => {
    expect(glueNameIssue('a_1')).toBeUndefined();
    expect(glueNameIssue('x'.repeat(255))).toBeUndefined();
  });

  test('suggests a physicalName made of the usable characters, at most 255 long', () => {
    expect(glueNameIssue(`${'a'.repeat(254)}-bc`)).toBe(`is 257 characters long, more than the 255 Glue allows; set a shorter physicalName`);
    expect(glueNameIssue('order id')).toBe('is not a valid Glue name: use only lowercase letters, digits and underscores; set physicalName to "order_id"');
  });
});

describe('fingerprint', () => {
  test('canonical JSON sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }, 3] })).toBe('{"a":[{"c":2,"d":1},3],"b":1}');
  });

  test('is the SHA-256 of the canonical JSON', () => {
    expect(fingerprint({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });
});
