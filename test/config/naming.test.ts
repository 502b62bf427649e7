import { domainBucketName, isName, productDatabaseName, qualifiedProductName } from '../../lib/config/naming';

describe('naming', () => {
  test.each(['retail', 'a', 'sales-eu', 'x1-2y'])('accepts the name %s', (name) => {
    expect(isName(name)).toBe(true);
  });

  test.each(['', 'Retail', '1sales', 'sales_eu', 'sales--eu', 'sales-', '-sales', 'sales eu', 'xn--sales'])('refuses the name "%s"', (name) => {
    expect(isName(name)).toBe(false);
  });

  test('derives the domain bucket from mesh, domain, account and region', () => {
    expect(domainBucketName({ name: 'retail', region: 'eu-west-1' }, { name: 'sales', account: '222222222222' })).toBe(
      'retail-sales-222222222222-eu-west-1',
    );
  });

  test('derives database names with underscores for hyphens', () => {
    expect(productDatabaseName('click-stream', 'sessions')).toBe('click_stream_sessions');
    expect(productDatabaseName('sales', 'daily_revenue')).toBe('sales_daily_revenue');
  });

  test('qualifies a product with its domain', () => {
    expect(qualifiedProductName('sales', 'orders')).toBe('sales.orders');
  });
});
