/**
 * SQL-looking and quote-breaking strings in row filters, descriptions and grant audit fields.
 * lakemesh interpolates none of them into SQL: a row filter is the contract author's own PartiQL
 * condition, so it is either refused with a clear error (characters Lake Formation would refuse)
 * or carried into the template exactly, as a JSON string. DQDL values are escaped so a contract
 * cannot end a string early and inject rules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { MeshApp } from '../../lib/app/mesh-app';
import { CONTRACT_CODES } from '../../lib/contract/codes';
import { loadContract } from '../../lib/contract/load-contract';
import { compileRuleset } from '../../lib/quality/compile-ruleset';
import { planContractGrant } from '../../lib/plan/grant-plan';
import { column, contract, role, table } from '../support/contract-factory';
import { grantMetadataRecord } from '../../lib/grants/grant-metadata';
import { ExampleCopy, MESH, ORDERS } from './hostile-fixture';

const HOSTILE_FILTER = [
  "country_code = 'DE''; DROP TABLE orders; --'",
  "OR 1=1 /* \"quoted\" */ AND note = 'it''s'",
  "name = '</script><script>alert(1)</script>'",
  "city = 'Zürich' AND label = '注文 📦' AND rtl = '\u202e'",
  "a = 'x'\n  AND b = 'y'\r\n\tAND c = '\\'",
].join(' AND ');
const HOSTILE_TEXT = 'a "quoted" description with \'single\' quotes, a </script> tag, ${x} and {{ y }}, `rm -rf /`; DROP TABLE x; --';

interface TemplateResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/** The synthesized templates, read back from the files CDK wrote (what CloudFormation receives). */
function synthesized(example: ExampleCopy): Record<string, { Resources: Record<string, TemplateResource> }> {
  const app = new App({ outdir: path.join(example.dir, 'cdk.out') });
  new MeshApp(app, 'Mesh', { mesh: example.load(), today: '2026-11-15' });
  const assembly = app.synth();
  return Object.fromEntries(assembly.stacks.map((stack) => [stack.stackName, JSON.parse(fs.readFileSync(stack.templateFullPath, 'utf8'))]));
}

function resourcesOfType(templates: ReturnType<typeof synthesized>, type: string): TemplateResource[] {
  return Object.values(templates).flatMap((template) => Object.values(template.Resources).filter((resource) => resource.Type === type));
}

describe('hostile strings carried into the synthesized templates', () => {
  const example = new ExampleCopy()
    .replace(ORDERS, `value: "country_code IN ('DE', 'AT', 'CH')"`, `value: ${JSON.stringify(HOSTILE_FILTER)}`)
    .replace(ORDERS, 'description: Order number issued by the order management system.', `description: ${JSON.stringify(HOSTILE_TEXT)}`)
    .replace(MESH, 'purpose: campaign attribution for the DACH spring and autumn campaigns', `purpose: ${JSON.stringify(HOSTILE_TEXT)}`);
  const templates = synthesized(example);

  test('the row filter reaches the DataCellsFilter exactly as written (trimmed), quotes, comments and line breaks included', () => {
    const filters = resourcesOfType(templates, 'AWS::LakeFormation::DataCellsFilter');
    expect(filters.map((filter) => filter.Properties.RowFilter)).toEqual([{ FilterExpression: HOSTILE_FILTER.trim() }]);
  });

  test('a column description reaches the Glue table as written', () => {
    const comments = resourcesOfType(templates, 'AWS::Glue::Table').flatMap((resource) => {
      const input = resource.Properties.TableInput as { Name: string; StorageDescriptor: { Columns: { Name: string; Comment?: string }[] } };
      if (input.Name !== 'orders') return [];
      return input.StorageDescriptor.Columns.filter((c) => c.Name === 'order_id').map((c) => c.Comment);
    });
    expect(comments.length).toBeGreaterThan(0);
    expect(new Set(comments)).toEqual(new Set([HOSTILE_TEXT]));
  });

  test('the grant purpose reaches the audit metadata of every permission of that grant as written', () => {
    const purposes = resourcesOfType(templates, 'AWS::LakeFormation::PrincipalPermissions').flatMap((resource) => {
      const record = grantMetadataRecord(resource.Metadata?.['lakemesh:grant']);
      return Array.isArray(record?.purposes) && record.purposes.includes(HOSTILE_TEXT) ? [resource] : [];
    });
    expect(purposes.length).toBeGreaterThan(0);
  });
});

describe('row filters Lake Formation would refuse are refused at validation', () => {
  test.each([
    ['a bell character', "country_code = 'DE'\u0007", 'U+0007', 20],
    ['an escape sequence that recolours a terminal', "\u001b[31mcountry_code = 'DE'", 'U+001B', 1],
    ['a NUL written as a YAML escape', "country_code = 'DE\u0000'", 'U+0000', 19],
    ['a lone UTF-16 surrogate', "country_code = '\ud800'", 'U+D800', 17],
    ['the non-character U+FFFF', "country_code = '\uffff'", 'U+FFFF', 17],
  ])('%s', (_name, expression, codePoint, position) => {
    const example = new ExampleCopy().replace(ORDERS, `value: "country_code IN ('DE', 'AT', 'CH')"`, `value: ${JSON.stringify(expression)}`);
    expect(example.problems()).toEqual([
      {
        code: CONTRACT_CODES.invalidLakemeshValue,
        path: 'roles[0].customProperties[1].value',
        message: `lakemesh.rowFilter contains the character ${codePoint} at position ${position}, which Lake Formation does not accept in a filter expression; remove it (tabs and line breaks are fine)`,
        location: expect.objectContaining({ file: example.path(ORDERS) }),
      },
    ]);
  });

  test('per-table filters are checked too', () => {
    const example = new ExampleCopy().replace(ORDERS, `value: "country_code IN ('DE', 'AT', 'CH')"`, 'value: {orders: "a = 1\\u001f"}');
    expect(example.problems().map((problem) => [problem.code, problem.path, problem.message])).toEqual([
      [
        CONTRACT_CODES.invalidLakemeshValue,
        'roles[0].customProperties[1].value.orders',
        'lakemesh.rowFilter contains the character U+001F at position 6, which Lake Formation does not accept in a filter expression; remove it (tabs and line breaks are fine)',
      ],
    ]);
  });
});

describe('any row filter string', () => {
  const orders = contract({
    tables: [table('orders', [column('order_id'), column('country')])],
  });
  const filterText = fc.string({ unit: 'binary', maxLength: 200 }).filter((text) => text.trim() !== '');

  test('is either refused by the contract parser or planned into the filter unchanged', () => {
    const example = new ExampleCopy();
    const original = example.read(ORDERS);
    fc.assert(
      fc.property(filterText, (expression) => {
        example.write(ORDERS, original.replace(`value: "country_code IN ('DE', 'AT', 'CH')"`, `value: ${JSON.stringify(expression)}`));
        let parsed;
        try {
          parsed = loadContract(example.path(ORDERS));
        } catch (error) {
          // Refused: only ever with the one code, and only for characters Lake Formation refuses.
          const problems = (error as { problems?: { code: string }[] }).problems ?? [];
          expect(problems.map((problem) => problem.code)).toEqual([CONTRACT_CODES.invalidLakemeshValue]);
          expect(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(expression)).toBe(true);
          return;
        }
        const spec = parsed.roles[0].rowFilter;
        expect(spec).toEqual({ kind: 'all-tables', expression: expression.trim() });
        if (expression.trim().length > 2048) return; // refused later by the grant planner (LM38x)
        const plan = planContractGrant({
          product: { contract: { ...orders, roles: [role('analyst', { rowFilter: expression.trim() })] }, domainName: 'sales', productName: 'orders', databaseName: 'sales_orders', catalogId: '111111111111' },
          consumer: { name: 'marketing', principals: ['arn:aws:iam::444444444444:role/analyst'] },
          role: 'analyst',
          purpose: 'p',
          requestedBy: 'a@example.com',
          approvedBy: 'b@example.com',
          restrictedClassification: 'restricted',
          today: '2026-11-15',
        });
        expect(plan.filters.map((filter) => filter.rowFilter)).toEqual([expression.trim()]);
      }),
      { numRuns: 60, seed: 20261115 },
    );
  });
});

describe('DQDL: allowed values cannot end the string they are written in', () => {
  test('any validValues entry stays inside one quoted DQDL string, on one line', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 4 }), (values) => {
        const orders = table('orders', [{ ...column('channel'), quality: [{ type: 'library', metric: 'invalidValues', mustBe: 0, arguments: { validValues: values }, location: { file: 'c', line: 1, column: 1 } }] }]);
        const ruleset = compileRuleset(orders, {});
        for (const rule of ruleset.rules) {
          expect(rule).not.toMatch(/[\n\r]/);
          // Outside quoted strings only the rule's own syntax remains: no value text leaks out.
          const outside = rule.replace(/"(?:\\.|[^"\\])*"/g, '""');
          expect(outside).not.toContain('"""');
          expect(outside.split('"').length % 2).toBe(1);
        }
      }),
      { numRuns: 100, seed: 20261115 },
    );
  });
});

describe('descriptions Glue would refuse', () => {
  /** Glue's pattern for Column.Comment: no line breaks or other control characters, 255 characters at most. */
  const GLUE_COLUMN_COMMENT = /^[\t\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]{0,255}$/u;

  // Found by this suite: a folded or literal YAML block (`description: >`) ends in a line break,
  // which Glue refuses in Column.Comment at deploy; glueTableInput now folds white space.
  test('a multi-line column description becomes a comment Glue accepts', () => {
    const example = new ExampleCopy().replace(
      ORDERS,
      '        description: Order number issued by the order management system.\n',
      '        description: >\n          Order number issued by the\n          order management system.\n',
    );
    const comments = resourcesOfType(synthesized(example), 'AWS::Glue::Table').flatMap((resource) => {
      const input = resource.Properties.TableInput as { StorageDescriptor: { Columns: { Comment?: string }[] } };
      return input.StorageDescriptor.Columns.map((c) => c.Comment ?? '');
    });
    expect(comments.filter((comment) => !GLUE_COLUMN_COMMENT.test(comment))).toEqual([]);
  });
});
