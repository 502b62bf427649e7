/** The README carries the audit JSON format and the nag rule table verbatim from docs/, which their own tests keep true. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function between(start: string, end: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  expect({ start: from >= 0, end: to > from }).toEqual({ start: true, end: true });
  return readme.slice(from + start.length, to).trim();
}

test('the README holds docs/audit-json.md as it is', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'audit-json.md'), 'utf8').trim();
  expect(between('<!-- docs/audit-json.md:start -->', '<!-- docs/audit-json.md:end -->')).toBe(doc);
});

test('the README holds the rule table of docs/nag-rules.md as it is', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'nag-rules.md'), 'utf8');
  const table = doc.split('\n').filter((line) => line.startsWith('|')).join('\n');
  expect(table.split('\n').length).toBeGreaterThan(10);
  expect(between('<!-- docs/nag-rules.md:table:start -->', '<!-- docs/nag-rules.md:table:end -->')).toBe(table);
});
