/**
 * Unknown keys: strict in mesh.yaml (every unknown key is an error, with a "did you mean" hint),
 * tolerant in contracts (ODCS allows vendor extensions) except near misses of keys lakemesh acts
 * on and unknown `lakemesh.*` properties. Keys that are JavaScript internals are just unknown keys.
 */
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { SCHEMA_CODES } from '../../lib/source/zod-problems';
import { ExampleCopy, MESH, ORDERS } from './hostile-fixture';

describe('unknown keys in mesh.yaml', () => {
  test.each([
    ['at the top', 'region: eu-west-1\n', 'region: eu-west-1\nregoin: eu-west-2\n', 'regoin', 'regoin', 'unknown key "regoin"; did you mean "region"?'],
    ['in governance', '  sharing: central-catalog\n', '  sharing: central-catalog\n  shareing: producer-direct\n', 'shareing', 'governance.shareing', 'unknown key "shareing"; did you mean "sharing"?'],
    ['in a domain', '    owner: sales-data@example.com\n', '    owner: sales-data@example.com\n    owners: x\n', 'owners', 'domains[0].owners', 'unknown key "owners"; did you mean "owner"?'],
    ['in a consumer', '  - name: finance\n', '  - name: finance\n    acount: "666666666666"\n', 'acount', 'consumers[1].acount', 'unknown key "acount"; did you mean "account"?'],
    ['in a grant', '    expires: 2027-06-30\n', '    expires: 2027-06-30\n    expiry: 2027-06-30\n', 'expiry', 'grants[0].expiry', 'unknown key "expiry"; did you mean "expires"?'],
    ['far from any known key', 'region: eu-west-1\n', 'region: eu-west-1\nzzzzzz: 1\n', 'zzzzzz', 'zzzzzz', 'unknown key "zzzzzz"'],
  ])('%s', (_where, from, to, key, path, message) => {
    const example = new ExampleCopy().replace(MESH, from, to);
    expect(example.problems()).toEqual([{ code: SCHEMA_CODES.unknownKey, path, message, location: example.at(MESH, `${key}:`) }]);
  });

  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('the JavaScript-internal key %s is an ordinary unknown key', (key) => {
    const example = new ExampleCopy().replace(MESH, '  sharing: central-catalog\n', `  sharing: central-catalog\n  ${key}: {account: "999999999999"}\n`);
    expect(example.problems()).toEqual([
      { code: SCHEMA_CODES.unknownKey, path: `governance.${key}`, message: `unknown key "${key}"`, location: example.at(MESH, `${key}:`) },
    ]);
    // The real governance account is untouched by whatever the key tried to set.
    expect(() => example.replace(MESH, `  ${key}: {account: "999999999999"}\n`, '').load()).not.toThrow();
  });

  test('every unknown key of a file is reported at once', () => {
    const example = new ExampleCopy()
      .replace(MESH, 'region: eu-west-1\n', 'region: eu-west-1\nregoin: x\n')
      .replace(MESH, '    expires: 2028-12-31\n', '    expires: 2028-12-31\n    expiry: x\n');
    expect(example.problems().map((problem) => problem.path)).toEqual(['regoin', 'grants[1].expiry']);
  });
});

describe('unknown keys in a contract', () => {
  test('an unknown top-level key is tolerated (ODCS extension), a near miss of a key lakemesh reads is not', () => {
    const example = new ExampleCopy().replace(ORDERS, 'tenant: retail\n', 'tenant: retail\nxVendorExtension: 1\nstatuss: active\n');
    expect(example.problems()).toEqual([
      { code: SCHEMA_CODES.unknownKey, path: 'statuss', message: 'unknown key "statuss"; did you mean "status"?', location: example.at(ORDERS, 'statuss') },
    ]);
  });

  test('a misspelt partitionKeyPosition is reported instead of silently unpartitioning the table', () => {
    const example = new ExampleCopy().replace(ORDERS, '        partitionKeyPosition: 1\n', '        partitionKeyPositon: 1\n');
    expect(example.problems()).toEqual([
      {
        code: SCHEMA_CODES.unknownKey,
        path: 'schema[0].properties[9].partitionKeyPositon',
        message: 'unknown key "partitionKeyPositon"; did you mean "partitionKeyPosition"?',
        location: example.at(ORDERS, 'partitionKeyPositon'),
      },
    ]);
  });

  test('an unknown lakemesh.* role property', () => {
    const example = new ExampleCopy().replace(ORDERS, 'property: lakemesh.rowFilter', 'property: lakemesh.rowFilters');
    expect(example.problems()).toEqual([
      {
        code: CONTRACT_CODES.unknownLakemeshProperty,
        path: 'roles[0].customProperties[1].property',
        message: 'unknown lakemesh property "lakemesh.rowFilters"; did you mean "lakemesh.rowFilter"?',
        location: example.at(ORDERS, 'lakemesh.rowFilters'),
      },
    ]);
  });

  test('a lakemesh.* property outside a role', () => {
    const example = new ExampleCopy().replace(ORDERS, 'tenant: retail\n', 'tenant: retail\ncustomProperties:\n  - property: lakemesh.rowFilter\n    value: "1 = 1"\n');
    expect(example.problems()).toEqual([
      {
        code: CONTRACT_CODES.misplacedLakemeshProperty,
        path: 'customProperties[0].property',
        message:
          'lakemesh property "lakemesh.rowFilter" has no effect here; lakemesh properties belong in roles[].customProperties (lakemesh.excludeColumns, lakemesh.includeColumns, lakemesh.rowFilter)',
        location: example.at(ORDERS, 'lakemesh.rowFilter'),
      },
    ]);
  });
});
