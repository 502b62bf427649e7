import { readGrantMetadata } from '../../lib/audit/grant-metadata-reader';
import { grantMetadata } from './template-builders';

const WRITTEN = grantMetadata({ table: null });

/** `WRITTEN` as the reader gives it back: nulls as absent. */
const READ = { ...WRITTEN, table: undefined, expires: undefined, rowFilter: undefined };

describe('readGrantMetadata', () => {
  test('reads the JSON string lakemesh writes', () => {
    expect(readGrantMetadata({ 'lakemesh:grant': JSON.stringify(WRITTEN) })).toEqual(READ);
  });

  test('reads a record written as an object (a hand-edited template)', () => {
    expect(readGrantMetadata({ 'lakemesh:grant': WRITTEN })).toEqual(READ);
  });

  test('reads what a partial record has, the rest as absent', () => {
    expect(readGrantMetadata({ 'lakemesh:grant': JSON.stringify({ product: 'sales.orders' }) })).toMatchObject({ product: 'sales.orders', consumer: undefined, purposes: [] });
  });

  test('finds no record in a string that is not a JSON object, or when there is none', () => {
    expect(readGrantMetadata({ 'lakemesh:grant': 'sales.orders for marketing' })).toBeUndefined();
    expect(readGrantMetadata({ 'aws:cdk:path': 'Mesh/Governance/Grant' })).toBeUndefined();
  });
});
