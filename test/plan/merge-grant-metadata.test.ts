import { LakemeshError } from '../../lib/errors';
import { GrantMetadata } from '../../lib/grants/grant-metadata';
import { canonicalGrantMetadata, mergeGrantMetadata } from '../../lib/plan/merge-grant-metadata';

const base: GrantMetadata = {
  product: 'sales.orders',
  table: 'orders',
  consumer: 'marketing',
  contractId: 'orders-contract',
  contractVersion: '1.2.0',
  roles: ['analyst'],
  purposes: ['campaign attribution'],
  requestedBy: ['ana@example.com'],
  approvedBy: ['sales-dpo@example.com'],
  expires: '2027-06-30',
  columns: ['order_id', 'amount'],
  withheldColumns: ['customer_email', 'country'],
  restrictedColumns: ['customer_email'],
  includeColumns: [],
  rowFilter: null,
};

describe('mergeGrantMetadata', () => {
  test('unions and sorts lists, keeps the earliest expiry, withholds what neither grants', () => {
    const other: GrantMetadata = {
      ...base,
      roles: ['auditor'],
      purposes: ['fraud review'],
      requestedBy: ['bo@example.com'],
      approvedBy: ['sales-dpo@example.com'],
      expires: '2027-01-31',
      columns: ['order_id', 'customer_email'],
      withheldColumns: ['amount', 'country'],
      includeColumns: ['customer_email'],
    };
    expect(mergeGrantMetadata(base, other, 'pair')).toEqual({
      ...base,
      roles: ['analyst', 'auditor'],
      purposes: ['campaign attribution', 'fraud review'],
      requestedBy: ['ana@example.com', 'bo@example.com'],
      approvedBy: ['sales-dpo@example.com'],
      expires: '2027-01-31',
      columns: ['amount', 'customer_email', 'order_id'],
      withheldColumns: ['country'],
      restrictedColumns: ['customer_email'],
      includeColumns: ['customer_email'],
    });
  });

  test('is symmetric', () => {
    const other = { ...base, roles: ['auditor'], expires: null, columns: ['country'], withheldColumns: ['order_id', 'amount', 'customer_email'] };
    expect(mergeGrantMetadata(other, base, 'pair')).toEqual(mergeGrantMetadata(base, other, 'pair'));
  });

  test('ignores a missing expiry when the other grant has one', () => {
    expect(mergeGrantMetadata({ ...base, expires: null }, base, 'pair').expires).toBe('2027-06-30');
    expect(mergeGrantMetadata({ ...base, expires: null }, { ...base, expires: null }, 'pair').expires).toBeNull();
  });

  test('fails when two consumers share a principal', () => {
    let error: unknown;
    try {
      mergeGrantMetadata(base, { ...base, consumer: 'finance' }, 'principal "arn:x" on table db.orders (catalog 1)');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LakemeshError);
    expect((error as LakemeshError).problems).toEqual([
      {
        code: 'LM397',
        path: 'consumer',
        message:
          'principal "arn:x" on table db.orders (catalog 1) is granted twice with different consumer ("marketing" and "finance"); one (principal, resource) pair carries one audit record: give each consumer its own principals',
      },
    ]);
  });

  test('fails when contract versions differ', () => {
    expect(() => mergeGrantMetadata(base, { ...base, contractVersion: '2.0.0' }, 'pair')).toThrow(
      'contractVersion: pair is granted twice with different contractVersion ("1.2.0" and "2.0.0"); one (principal, resource) pair carries one audit record: make sure each catalog object belongs to one data product and contract version [LM397]',
    );
  });
});

describe('canonicalGrantMetadata', () => {
  test('sorts and de-duplicates every list', () => {
    const canonical = canonicalGrantMetadata({ ...base, roles: ['b', 'a', 'b'], columns: ['z', 'a'], withheldColumns: ['y', 'a'] });
    expect(canonical.roles).toEqual(['a', 'b']);
    expect(canonical.columns).toEqual(['a', 'z']);
    expect(canonical.withheldColumns).toEqual(['y']);
  });
});
