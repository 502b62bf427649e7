import { CONTRACT_CODES } from '../../lib/contract/codes';
import { parsed, problems, withProperties } from './helpers';

const rules = (quality: object[]) => parsed(withProperties([{ name: 'a', logicalType: 'string', quality }])).tables[0].columns[0].quality;

describe('quality rules', () => {
  test('v3.1 library rules keep metric, arguments and operators', () => {
    const [rule] = rules([
      {
        metric: 'invalidValues',
        arguments: { validValues: ['a', 'b'] },
        mustBeLessOrEqualTo: 5,
        unit: 'percent',
        dimension: 'conformity',
        severity: 'error',
        description: 'Mostly valid.',
      },
    ]);
    expect(rule).toMatchObject({
      type: 'library',
      metric: 'invalidValues',
      arguments: { validValues: ['a', 'b'] },
      mustBeLessOrEqualTo: 5,
      unit: 'percent',
      dimension: 'conformity',
      severity: 'error',
      description: 'Mostly valid.',
    });
  });

  test('v3.0 rule maps to metric and its parameters to arguments', () => {
    const [rule] = rules([{ type: 'library', rule: 'validValues', validValues: ['pounds'], businessImpact: 'operational' }]);
    expect(rule.metric).toBe('validValues');
    expect(rule.arguments).toEqual({ validValues: ['pounds'] });
  });

  test('metric wins over rule when both are given', () => {
    expect(rules([{ metric: 'nullValues', rule: 'nullCheck', mustBe: 0 }])[0].metric).toBe('nullValues');
  });

  test('sql rules keep their query', () => {
    expect(rules([{ type: 'sql', query: 'SELECT 1', mustBe: 1 }])[0]).toMatchObject({ type: 'sql', query: 'SELECT 1', mustBe: 1, metric: undefined });
  });

  test('custom rules keep their engine, and a structured implementation becomes YAML text', () => {
    const [text, structured] = rules([
      { type: 'custom', engine: 'soda', implementation: 'type: duplicate_percent' },
      { type: 'custom', engine: 'soda', implementation: { type: 'duplicate_percent', columns: ['a'] } },
    ]);
    expect(text).toMatchObject({ engine: 'soda', implementation: 'type: duplicate_percent' });
    expect(structured.implementation).toBe('type: duplicate_percent\ncolumns:\n  - a\n');
  });

  test('ranges are kept as pairs', () => {
    expect(rules([{ metric: 'rowCount', mustBeBetween: [10, 20] }])[0].mustBeBetween).toEqual([10, 20]);
  });

  test('each rule is located', () => {
    const [, second] = rules([{ metric: 'nullValues', mustBe: 0 }, { metric: 'rowCount', mustBeGreaterThan: 0 }]);
    expect(second.location).toEqual({ file: 'orders.odcs.yaml', line: 17, column: 13 });
  });
});

describe('fails when', () => {
  test('a range lists the larger number first', () => {
    expect(problems(withProperties([{ name: 'a', logicalType: 'string', quality: [{ metric: 'rowCount', mustNotBeBetween: [20, 10] }] }]))).toEqual([
      [CONTRACT_CODES.invalidQualityRange, 'schema[0].properties[0].quality[0].mustNotBeBetween', 'mustNotBeBetween must list the smaller number first, got [20, 10]; write [10, 20]'],
    ]);
  });

  test('a quality type is unknown', () => {
    expect(problems(withProperties([{ name: 'a', logicalType: 'string', quality: [{ type: 'great-expectations' }] }]))).toEqual([
      ['LM013', 'schema[0].properties[0].quality[0].type', 'invalid option: expected one of "text"|"library"|"sql"|"custom", got a string ("great-expectations")'],
    ]);
  });

  test('an operator is not a number', () => {
    expect(problems(withProperties([{ name: 'a', logicalType: 'string', quality: [{ metric: 'rowCount', mustBeGreaterThan: '10' }] }]))).toEqual([
      ['LM011', 'schema[0].properties[0].quality[0].mustBeGreaterThan', 'expected a number, got a string ("10")'],
    ]);
  });
});
