import * as path from 'node:path';
import { auditCloudAssembly, auditStacks } from '../../lib/audit/audit';
import { readCloudAssembly } from '../../lib/audit/cloud-assembly';
import { formatJson } from '../../lib/audit/format-json';
import { FIXTURES, TODAY } from './template-builders';

const DOCUMENTED_ROW_KEYS = [
  'product',
  'table',
  'principal',
  'permissions',
  'columns',
  'withheldColumns',
  'rowFilter',
  'contractId',
  'contractVersion',
  'role',
  'purpose',
  'requestedBy',
  'approvedBy',
  'expires',
  'stack',
  'logicalId',
];

const central = path.join(FIXTURES, 'central');

describe('formatJson', () => {
  const report = auditCloudAssembly(central, { today: TODAY });
  const document = JSON.parse(formatJson(report));

  test('has exactly rows and findings at the top', () => {
    expect(Object.keys(document)).toEqual(['rows', 'findings']);
  });

  test('writes the documented row keys first, in order, then the extra ones', () => {
    for (const row of document.rows) {
      expect(Object.keys(row)).toEqual([
        ...DOCUMENTED_ROW_KEYS,
        'kind',
        'consumer',
        'database',
        'databasePermissions',
        'permissionsWithGrantOption',
        'sources',
      ]);
    }
  });

  test('writes absent values as null and lists as arrays', () => {
    const producer = document.rows[0];
    expect(producer).toMatchObject({ contractId: null, role: null, expires: null, rowFilter: null, consumer: null });
    expect(producer.withheldColumns).toEqual([]);
  });

  test('writes findings with severity, code, message, stack and logical id', () => {
    expect(document.findings[0]).toEqual({
      severity: 'warning',
      code: 'LMA02',
      message:
        'grant of sales.orders table orders to "arn:aws:iam::444444444444:role/marketing-analyst" expires on 2026-12-10 (in 20 days); renew it with a new expiry and approval in mesh.yaml, or let it lapse',
      stack: 'retail-governance',
      logicalId: 'GrantMarketingOrdersFilter',
    });
  });

  test('is byte-identical whatever order the stacks and resources come in', () => {
    const reversed = readCloudAssembly(central)
      .reverse()
      .map((stack) => {
        const resources = stack.template.Resources as Record<string, unknown>;
        const shuffled = Object.fromEntries(Object.entries(resources).reverse());
        return { ...stack, template: { ...stack.template, Resources: shuffled } };
      });
    expect(formatJson(auditStacks(reversed, { today: TODAY }))).toBe(formatJson(report));
  });

  test('ends with a newline and is indented', () => {
    const text = formatJson(report);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "rows": [\n')).toBe(true);
  });

  test('writes an empty audit as empty lists', () => {
    expect(formatJson({ rows: [], findings: [] })).toBe('{\n  "rows": [],\n  "findings": []\n}\n');
  });
});
