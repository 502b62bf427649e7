import { Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import { PRODUCT_METADATA_KEY } from '../../../lib/grants/grant-metadata';
import {
  SharedTablesHaveOwnerAndContract,
  TABLE_CONTRACT_ID_PARAMETER,
  TABLE_CONTRACT_VERSION_PARAMETER,
  TABLE_OWNER_PARAMETER,
  dataMeshRuleId,
} from '../../../lib/nag';
import { CENTRAL_ACCOUNT, CONSUMER_ACCOUNT, findingsOf, newStack } from '../fixtures';

const RULE = dataMeshRuleId(SharedTablesHaveOwnerAndContract);

const PARAMETERS: Record<string, string> = {
  [TABLE_CONTRACT_ID_PARAMETER]: 'urn:contract:sales-orders',
  [TABLE_CONTRACT_VERSION_PARAMETER]: '1.2.0',
  [TABLE_OWNER_PARAMETER]: 'sales-data@example.com',
  classification: 'parquet',
};

const PRODUCT = { product: 'sales.orders', contractId: 'urn:contract:sales-orders', contractVersion: '1.2.0', owner: 'sales-data@example.com' };

/** A product table; `product` undefined means no product Metadata. */
function productTable(stack: Stack, parameters: Record<string, string | undefined>, product: unknown): glue.CfnTable {
  const table = new glue.CfnTable(stack, 'Table', {
    catalogId: CENTRAL_ACCOUNT,
    databaseName: 'sales_orders',
    tableInput: { name: 'orders', tableType: 'EXTERNAL_TABLE', parameters },
  });
  if (product !== undefined) table.addMetadata(PRODUCT_METADATA_KEY, product);
  return table;
}

function flagged(path: string) {
  return [{ ruleId: 'DataMesh-SharedTablesHaveOwnerAndContract', severity: 'error', path, description: SharedTablesHaveOwnerAndContract.info }];
}

describe('DataMesh-SharedTablesHaveOwnerAndContract', () => {
  test.each([TABLE_CONTRACT_ID_PARAMETER, TABLE_CONTRACT_VERSION_PARAMETER, TABLE_OWNER_PARAMETER])(
    'fires on a table without the %s parameter',
    (missing) => {
      const stack = newStack();
      const table = productTable(stack, { ...PARAMETERS, [missing]: undefined }, PRODUCT);
      expect(findingsOf(stack, RULE)).toEqual(flagged(table.node.path));
    },
  );

  test('fires on a table whose owner parameter is blank', () => {
    const stack = newStack();
    const table = productTable(stack, { ...PARAMETERS, [TABLE_OWNER_PARAMETER]: ' ' }, PRODUCT);
    expect(findingsOf(stack, RULE)).toEqual(flagged(table.node.path));
  });

  test.each<[string, unknown]>([
    ['no product Metadata', undefined],
    ['product Metadata without an owner', { ...PRODUCT, owner: '' }],
    ['product Metadata without a product', { contractId: PRODUCT.contractId, contractVersion: PRODUCT.contractVersion, owner: PRODUCT.owner }],
    ['product Metadata that names another contract version', { ...PRODUCT, contractVersion: '2.0.0' }],
  ])('fires on a table with %s', (_name, product) => {
    const stack = newStack();
    const table = productTable(stack, PARAMETERS, product);
    expect(findingsOf(stack, RULE)).toEqual(flagged(table.node.path));
  });

  test('is silent on a table with its contract and owner in Parameters and Metadata', () => {
    const stack = newStack();
    productTable(stack, PARAMETERS, PRODUCT);
    expect(findingsOf(stack, RULE)).toEqual([]);
  });

  test('is silent on a table resource link', () => {
    const stack = newStack(CONSUMER_ACCOUNT);
    new glue.CfnTable(stack, 'Link', {
      catalogId: CONSUMER_ACCOUNT,
      databaseName: 'links',
      tableInput: { name: 'orders', targetTable: { catalogId: CENTRAL_ACCOUNT, databaseName: 'sales_orders', name: 'orders' } },
    });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
