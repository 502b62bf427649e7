import * as path from 'node:path';
import { auditCloudAssembly, auditStacks } from '../../lib/audit/audit';
import { escapeCell, formatMarkdown } from '../../lib/audit/format-markdown';
import { formatTable, summaryLine } from '../../lib/audit/format-table';
import { columnsResource, FIXTURES, glueDatabase, grant, grantMetadata, stack, TODAY } from './template-builders';

const report = auditCloudAssembly(path.join(FIXTURES, 'central'), { today: TODAY });
const empty = auditStacks([stack({})], { today: TODAY });

describe('formatTable', () => {
  const text = formatTable(report);
  const lines = text.split('\n');

  test('heads the matrix with the terminal columns', () => {
    expect(lines[1].split('│').map((cell) => cell.trim()).filter(Boolean)).toEqual([
      'Product',
      'Table',
      'Principal',
      'Permissions',
      'Columns',
      'Row filter',
      'Contract',
      'Role',
      'Expires',
    ]);
  });

  test('shows each row with its contract, role, expiry and withheld columns, and marks local grants', () => {
    const marketing = lines.find((line) => line.includes('marketing-analyst') && line.includes('orders '));
    expect(marketing).toContain("country = 'DE'");
    expect(marketing).toContain('orders-contract 1.2.0');
    expect(marketing).toContain('2026-12-10');
    expect(text).toContain('(withheld: customer_email)');
    expect(lines.find((line) => line.includes('sales-etl'))).toContain('(local grant)');
  });

  test('has no colour codes', () => {
    expect(text).not.toContain('\u001b[');
  });

  test('lists the findings, then the summary', () => {
    const findings = text.slice(text.indexOf('Findings:\n'));
    expect(findings.split('\n').slice(0, 4)).toEqual([
      'Findings:',
      'warning LMA02 retail-governance/GrantMarketingOrdersFilter: grant of sales.orders table orders to "arn:aws:iam::444444444444:role/marketing-analyst" expires on 2026-12-10 (in 20 days); renew it with a new expiry and approval in mesh.yaml, or let it lapse',
      'warning LMA02 retail-governance/GrantMarketingRefundsSelect: grant of sales.orders table refunds to "arn:aws:iam::444444444444:role/marketing-analyst" expires on 2026-12-10 (in 20 days); renew it with a new expiry and approval in mesh.yaml, or let it lapse',
      'info LMA04 retail-governance/GrantFinanceOrdersSelect: grant of sales.orders table orders to "arn:aws:iam::666666666666:role/finance-auditor" exposes restricted column customer_email through lakemesh.includeColumns of its roles (auditor)',
    ]);
    expect(text.endsWith('\n5 rows from 3 stacks: 0 errors, 2 warnings, 1 info\n')).toBe(true);
  });

  test('says so when there are no grants', () => {
    expect(formatTable(empty)).toBe('no lake formation grants found in 1 stack\n\n0 rows from 1 stack: 0 errors, 0 warnings, 0 infos\n');
  });

  test('summaryLine counts rows, stacks and findings by severity', () => {
    expect(summaryLine(report)).toBe('5 rows from 3 stacks: 0 errors, 2 warnings, 1 info');
  });
});

describe('formatMarkdown', () => {
  const text = formatMarkdown(report);

  test('is a GitHub table with every documented field', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('# lakemesh access matrix');
    expect(lines[2]).toBe(
      '| Product | Table | Principal | Permissions | Columns | Withheld columns | Row filter | Contract | Version | Role | Purpose | Requested by | Approved by | Expires | Kind | Stack | Logical id |',
    );
    expect(lines[3]).toBe(`|${' --- |'.repeat(17)}`);
    expect(lines[5]).toBe(
      "| sales.orders | orders | `arn:aws:iam::444444444444:role/marketing-analyst` | DESCRIBE, SELECT | amount, country, dt, order_id | customer_email | `country = 'DE'` | orders-contract | 1.2.0 | analyst | campaign attribution | ana@example.com | sales-dpo@example.com | 2026-12-10 | contract | retail-governance | `GrantMarketingOrdersFilter` |",
    );
  });

  test('lists the findings and the summary', () => {
    expect(text).toContain(
      '## Findings\n\n- **warning** LMA02 `retail-governance/GrantMarketingOrdersFilter`: grant of sales.orders table orders',
    );
    expect(text.endsWith('\n5 rows from 3 stacks: 0 errors, 2 warnings, 1 info\n')).toBe(true);
  });

  test('escapes pipes and newlines so a value never breaks the table', () => {
    expect(escapeCell('a | b\nc')).toBe('a \\| b c');
    const hostile = auditStacks(
      [
        stack({
          Db: glueDatabase(),
          Grant: grant({
            resource: columnsResource('orders', ['order_id']),
            metadata: grantMetadata({ purposes: ['reporting | billing'], rowFilter: 'a = 1' }),
          }),
        }),
      ],
      { today: TODAY },
    );
    const row = formatMarkdown(hostile).split('\n')[4];
    expect(row).toContain('| reporting \\| billing |');
    expect(row.split(/(?<!\\)\|/)).toHaveLength(19);
  });

  test('says so when there are no grants or findings', () => {
    expect(formatMarkdown(empty)).toBe(
      '# lakemesh access matrix\n\nNo Lake Formation grants found.\n\n## Findings\n\nNone.\n\n0 rows from 1 stack: 0 errors, 0 warnings, 0 infos\n',
    );
  });
});
