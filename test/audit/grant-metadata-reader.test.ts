import { readGrantMetadata } from '../../lib/audit/grant-metadata-reader';

const WRITTEN = {
  product: 'sales.orders',
  table: null,
  consumer: 'marketing',
  contractId: 'urn:contract:sales:orders',
  contractVersion: '1.2.0',
  roles: ['analyst'],
  purposes: ['campaign attribution'],
  requestedBy: ['ana@example.com'],
  approvedBy: ['sales-dpo@example.com'],
  expires: null,
  columns: [],
  withheldColumns: [],
  restrictedColumns: [],
  includeColumns: [],
  rowFilter: null,
};

const READ = {
  product: 'sales.orders',
  table: undefined,
  consumer: 'marketing',
  contractId: 'urn:contract:sales:orders',
  contractVersion: '1.2.0',
  roles: ['analyst'],
  purposes: ['campaign attribution'],
  requestedBy: ['ana@example.com'],
  approvedBy: ['sales-dpo@example.com'],
  expires: undefined,
  columns: [],
  withheldColumns: [],
  restrictedColumns: [],
  includeColumns: [],
  rowFilter: undefined,
};

describe('readGrantMetadata', () => {
  test('reads the JSON string lakemesh writes', () => {
    expect(readGrantMetadata({ 'lakemesh:grant': JSON.stringify(WRITTEN) })).toEqual(READ);
  });

  test('reads a record written as an object (a hand-edited template)', () => {
    expect(readGrantMetadata({ 'lakemesh:grant': WRITTEN })).toEqual(READ);
  });

  test('reads what a partial record has, the rest as absent', () => {
    expect(readGrantMetadata({ 'lakemesh:grant': JSON.stringify({ product: 'sales.orders', roles: 'analyst' }) })).toMatchObject({ product: 'sales.orders', consumer: undefined, purposes: [] });
  });

  test('finds no record in a string that is not a JSON object, or when there is none', () => {
    expect(readGrantMetadata({ 'lakemesh:grant': 'sales.orders for marketing' })).toBeUndefined();
    expect(readGrantMetadata({ 'aws:cdk:path': 'Mesh/Governance/Grant' })).toBeUndefined();
  });
});
