/**
 * Grants past their expiry and contracts whose status forbids what mesh.yaml asks: retired (no
 * longer deployed), deprecated (no new grants), draft/proposed (not shared). Statuses are
 * recognised in any case, so `Retired` cannot slip through as an unknown status.
 */
import { MESH_CODES } from '../../lib/config/codes';
import { SCHEMA_CODES } from '../../lib/source/zod-problems';
import { ExampleCopy, MESH } from './hostile-fixture';

const REVENUE = 'contracts/sales-daily-revenue.odcs.yaml';

describe('grant expiry (checked against 2026-11-15)', () => {
  test('a grant that expired yesterday', () => {
    const example = new ExampleCopy().replace(MESH, 'expires: 2027-06-30', 'expires: 2026-11-14');
    expect(example.problems()).toEqual([
      {
        code: MESH_CODES.expiredGrant,
        path: 'grants[0].expires',
        message: 'grant expired on 2026-11-14 (today is 2026-11-15); renew it with a later expires date and a fresh approval, or remove the grant',
        location: example.at(MESH, '2026-11-14'),
      },
    ]);
  });

  test('a grant that expires today still holds', () => {
    expect(new ExampleCopy().replace(MESH, 'expires: 2027-06-30', 'expires: 2026-11-15').load().grants).toHaveLength(7);
  });

  test.each(['2027-02-30', '2027-13-01', '27-06-30', '2027-06-30T00:00:00Z', '0000-01-01', '99999-01-01', 'tomorrow', "2027-06-30'; DROP TABLE grants; --"])(
    'an expiry that is not a YYYY-MM-DD date: %s',
    (value) => {
      const example = new ExampleCopy().replace(MESH, 'expires: 2027-06-30', `expires: ${JSON.stringify(value)}`);
      const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      expect(example.problems()).toEqual([
        {
          code: MESH_CODES.invalidExpiry,
          path: 'grants[0].expires',
          message: `expires must be a date written YYYY-MM-DD, got a string (${JSON.stringify(shown)}); e.g. expires: 2027-06-30`,
          location: example.at(MESH, JSON.stringify(value)),
        },
      ]);
    },
  );

  test('an expiry written with an explicit !!timestamp tag names the date it got', () => {
    const example = new ExampleCopy().replace(MESH, 'expires: 2027-06-30', 'expires: !!timestamp 2027-06-30');
    expect(example.problems()).toEqual([
      {
        code: SCHEMA_CODES.wrongType,
        path: 'grants[0].expires',
        message: 'expected a string, got a date (2027-06-30T00:00:00.000Z)',
        location: example.at(MESH, '2027-06-30'),
      },
    ]);
  });
});

describe('contract status', () => {
  const retired = (example: ExampleCopy, written: string) => [
    {
      code: MESH_CODES.retiredContract,
      path: 'status',
      message: 'contract status is "retired"; remove the product from mesh.yaml (its data stays in place) or set the status back to "deprecated"',
      location: example.at(REVENUE, written),
    },
  ];

  test('a retired contract still listed in mesh.yaml', () => {
    const example = new ExampleCopy().replace(REVENUE, 'status: active', 'status: retired');
    expect(example.problems()).toEqual(retired(example, 'retired'));
  });

  test.each(['Retired', 'RETIRED', ' retired '])('a retired contract written %j is just as retired', (written) => {
    const example = new ExampleCopy().replace(REVENUE, 'status: active', `status: ${JSON.stringify(written)}`);
    expect(example.problems()).toEqual(retired(example, JSON.stringify(written)));
  });

  test('a deprecated contract accepts no grants', () => {
    const example = new ExampleCopy().replace(REVENUE, 'status: active', 'status: Deprecated');
    expect(example.problems().map((problem) => [problem.code, problem.path])).toEqual([[MESH_CODES.deprecatedProduct, 'grants[2].product']]);
  });

  test.each(['draft', 'Draft', 'PROPOSED'])('a %s contract is not shared', (written) => {
    const example = new ExampleCopy().replace(REVENUE, 'status: active', `status: ${written}`);
    const status = written.toLowerCase();
    expect(example.problems()).toEqual([
      {
        code: MESH_CODES.unsharedProduct,
        path: 'grants[2].product',
        message: `sales.daily_revenue has contract status "${status}", and ${status} products are not shared with other accounts; set the contract's status to "active" or remove the grant`,
        location: example.at(MESH, 'sales.daily_revenue'),
      },
    ]);
  });

  test('an unknown status is kept as written and gates nothing', () => {
    const example = new ExampleCopy().replace(REVENUE, 'status: active', `status: "'; DROP TABLE contracts; --"`);
    const revenue = example.load().domains.flatMap((domain) => domain.products).find((product) => product.qualifiedName === 'sales.daily_revenue');
    expect(revenue?.contract.status).toBe("'; DROP TABLE contracts; --");
  });
});
