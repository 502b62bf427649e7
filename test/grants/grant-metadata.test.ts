import { GrantMetadata, grantMetadataRecord, grantMetadataText } from '../../lib/grants/grant-metadata';

const RECORD: GrantMetadata = {
  product: 'sales.orders',
  table: 'orders',
  consumer: 'marketing',
  contractId: 'urn:contract:sales:orders',
  contractVersion: '1.2.0',
  roles: ['analyst'],
  purposes: ['campaign attribution'],
  requestedBy: ['ana@example.com'],
  approvedBy: ['sales-dpo@example.com'],
  expires: '2027-06-30',
  columns: ['amount', 'order_id'],
  withheldColumns: ['customer_email'],
  restrictedColumns: ['customer_email'],
  includeColumns: [],
  rowFilter: "country = 'DE'",
};

describe('the lakemesh:grant record in a template', () => {
  test('is written as one JSON string, fields in GrantMetadata order', () => {
    const text = grantMetadataText(RECORD);
    expect(typeof text).toBe('string');
    expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(RECORD));
  });

  test('reads back what was written', () => {
    expect(grantMetadataRecord(grantMetadataText(RECORD))).toEqual(RECORD);
  });

  test('reads an object too (a hand-written template)', () => {
    expect(grantMetadataRecord({ product: 'sales.orders' })).toEqual({ product: 'sales.orders' });
  });

  test.each([
    ['a string that is not JSON', '{"product": '],
    ['JSON that is not an object', '["sales.orders"]'],
    ['a JSON string literal', '"sales.orders"'],
    ['an array', ['sales.orders']],
    ['null', null],
    ['a number', 7],
    ['nothing', undefined],
  ])('reads no record from %s', (_label, value) => {
    expect(grantMetadataRecord(value)).toBeUndefined();
  });
});
