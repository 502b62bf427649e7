import { GrantMetadata, grantMetadataRecord, grantMetadataText } from '../../lib/grants/grant-metadata';
import { grantMetadata } from '../audit/template-builders';

const RECORD = grantMetadata({ table: 'orders', expires: '2027-06-30', columns: ['amount', 'order_id'], withheldColumns: ['customer_email'], restrictedColumns: ['customer_email'], rowFilter: "country = 'DE'" }) as unknown as GrantMetadata;

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
