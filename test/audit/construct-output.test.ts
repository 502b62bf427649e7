/**
 * The audit reads what the constructs really write: a domain with one product, its producer's
 * local grants, and two contract grants (one row-filtered), synthesized to a cloud assembly.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DataDomain } from '../../constructs/domain/data-domain';
import { ContractGrant } from '../../constructs/grants/contract-grant';
import { auditCloudAssembly } from '../../lib/audit/audit';
import { AuditReport } from '../../lib/audit/model';
import { ordersContract, role } from '../support/contract-factory';

const MARKETING = 'arn:aws:iam::444444444444:role/marketing-analyst';
const FINANCE = 'arn:aws:iam::666666666666:role/finance-auditor';
const ETL = 'arn:aws:iam::222222222222:role/sales-etl';

function synthesize(): AuditReport {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-audit-synth-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'SalesDomain', { stackName: 'retail-domain-sales', env: { account: '222222222222', region: 'eu-west-1' } });
  const producer = iam.Role.fromRoleArn(stack, 'Etl', ETL, { mutable: false });
  const domain = new DataDomain(stack, 'Domain', { meshName: 'retail', domainName: 'sales', producers: [producer], owner: 'sales-data@example.com' });
  const contract = ordersContract({
    roles: [role('analyst', { rowFilter: { orders: "country = 'DE'" } }), role('auditor', { includeColumns: ['customer_email'] })],
    sla: { retentionDays: 365 },
  });
  const product = domain.addDataProduct('Orders', { contract });
  const common = { product, requestedBy: 'ana@example.com', approvedBy: 'sales-dpo@example.com', today: '2026-11-20' };
  new ContractGrant(stack, 'Marketing', { ...common, consumer: { name: 'marketing', principals: [MARKETING] }, role: 'analyst', purpose: 'campaign attribution', expires: '2026-12-01' });
  new ContractGrant(stack, 'Finance', { ...common, consumer: { name: 'finance', principals: [FINANCE] }, role: 'auditor', purpose: 'fraud review' });
  app.synth();
  return auditCloudAssembly(outdir, { today: '2026-11-20' });
}

describe('audit of synthesized constructs', () => {
  const report = synthesize();
  const row = (table: string, principal: string) => report.rows.find((r) => r.table === table && r.principal === principal);

  test('has a row per product table for the producer and each consumer principal', () => {
    expect(report.rows.map((r) => [r.product, r.table, r.principal, r.kind])).toEqual([
      ['sales.orders', 'orders', ETL, 'local'],
      ['sales.orders', 'orders', MARKETING, 'contract'],
      ['sales.orders', 'orders', FINANCE, 'contract'],
      ['sales.orders', 'refunds', ETL, 'local'],
      ['sales.orders', 'refunds', MARKETING, 'contract'],
      ['sales.orders', 'refunds', FINANCE, 'contract'],
    ]);
  });

  test('reads the row filter, the granted and withheld columns and the audit trail of a contract grant', () => {
    expect(row('orders', MARKETING)).toMatchObject({
      permissions: ['DESCRIBE', 'SELECT'],
      columns: ['amount', 'country', 'dt', 'items', 'order_id'],
      withheldColumns: ['customer_email'],
      rowFilter: "country = 'DE'",
      contractId: 'orders-contract',
      contractVersion: '1.2.0',
      role: 'analyst',
      purpose: 'campaign attribution',
      requestedBy: 'ana@example.com',
      approvedBy: 'sales-dpo@example.com',
      expires: '2026-12-01',
      consumer: 'marketing',
      databasePermissions: ['DESCRIBE'],
      stack: 'retail-domain-sales',
    });
  });

  test('finds the expiring grant and the included restricted column, and nothing that is an error', () => {
    expect(report.findings.map((finding) => [finding.severity, finding.code])).toEqual([
      ['warning', 'LMA02'],
      ['warning', 'LMA02'],
      ['info', 'LMA04'],
      ['info', 'LMA04'],
    ]);
  });

  test('reads the product schema and retention for the contract page', () => {
    expect(report.products).toHaveLength(1);
    expect(report.products[0]).toMatchObject({ product: 'sales.orders', statuses: ['active'], owners: ['sales-data@example.com'] });
    expect(report.products[0].tables.map((table) => table.name)).toEqual(['orders', 'refunds']);
    expect(report.products[0].retention).toMatchObject([{ ruleId: 'retention-orders', expirationDays: 365 }]);
  });
});
