/** docs/audit-json.md documents the JSON format: it must not drift from what `formatJson` writes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { auditCloudAssembly } from '../../lib/audit/audit';
import { FINDING_CODES } from '../../lib/audit/codes';
import { FINDING_KEYS, formatJson, ROW_KEYS } from '../../lib/audit/format-json';
import { FIXTURES, TODAY } from './template-builders';

const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'audit-json.md'), 'utf8');
const example = JSON.parse(/```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? 'null');

describe('docs/audit-json.md', () => {
  test('its example has the keys formatJson writes, in the same order', () => {
    expect(Object.keys(example)).toEqual(['rows', 'findings']);
    expect(Object.keys(example.rows[0])).toEqual(ROW_KEYS);
    expect(Object.keys(example.findings[0])).toEqual(FINDING_KEYS);
  });

  test("its example is the central fixture's row of the filtered grant and its first finding", () => {
    const actual = JSON.parse(formatJson(auditCloudAssembly(path.join(FIXTURES, 'central'), { today: TODAY })));
    expect(example.rows[0]).toEqual(actual.rows.find((row: { logicalId: string }) => row.logicalId === 'GrantMarketingOrdersFilter'));
    expect(example.findings[0]).toEqual(actual.findings[0]);
  });

  test('describes every row key and every finding code', () => {
    for (const key of ROW_KEYS) expect(doc).toContain(`\`${key}\``);
    for (const code of Object.values(FINDING_CODES)) expect(doc).toContain(`| \`${code}\` |`);
  });
});
