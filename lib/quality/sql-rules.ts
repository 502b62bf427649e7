/**
 * ODCS `type: sql` rules → DQDL `CustomSql "<query>" <condition>`.
 *
 * Glue runs the query with Spark SQL and names the checked table `primary`. ODCS queries name it
 * with a placeholder (`{object}`, `${object}`, `{table}`, `${table}`) or, in older contracts, by
 * its own name; both become `primary`. Column placeholders (`{property}`, `${column}`, …) become the
 * column's backquoted name on column-level rules.
 *
 * The query is handed to Spark without unescaping, so a `"` in it cannot be written (Spark would see
 * `\"`), and line breaks are joined into spaces to keep one rule per line.
 */
import { ContractColumn, ContractTable, QualityRule } from '../contract/model';
import { dqdlSql, hasControlCharacter } from './dqdl';
import { readExpectation, renderExpectation } from './expectation';
import { sqlIdentifier } from './spark-sql';
import { QualitySkipCode, RuleOutcome, compiled, skip } from './types';

const TABLE_PLACEHOLDER = /\$?\{\s*(?:object|table)\s*\}/gi;
const COLUMN_PLACEHOLDER = /\$?\{\s*(?:property|column)\s*\}/gi;
const LINE_BREAKS = /[ \t]*(?:\r\n|\r|\n)[ \t]*/g;
const READS_PRIMARY = /\bprimary\b/i;

export function compileSqlRule(rule: QualityRule, table: ContractTable, column?: ContractColumn): RuleOutcome {
  const query = rule.query?.trim();
  if (!query) return skip(QualitySkipCode.badSqlQuery, 'the sql rule has no query; add query: select count(*) from ${object} where …');
  const read = readExpectation(rule);
  if (read.kind === 'problem') return skip(QualitySkipCode.badExpectation, read.problem);
  if (read.kind === 'none') {
    return skip(
      QualitySkipCode.badExpectation,
      'the sql rule has no expectation; add mustBe (or another mustBe… key) to compare the query result with',
    );
  }
  const translated = translateQuery(query, table, column);
  if (translated.kind === 'problem') return skip(QualitySkipCode.badSqlQuery, translated.problem);
  const quoted = dqdlSql(translated.query);
  if (quoted === undefined) return skip(QualitySkipCode.badSqlQuery, 'the query ends in a lone backslash; remove it');
  return compiled(renderExpectation(read.expectation, (c) => `CustomSql ${quoted} ${c}`));
}

type Translated = { readonly kind: 'query'; readonly query: string } | { readonly kind: 'problem'; readonly problem: string };

/** The ODCS query as Glue must run it: placeholders replaced, table named `primary`, on one line. */
export function translateQuery(query: string, table: ContractTable, column?: ContractColumn): Translated {
  if (query.includes('"')) {
    return problem('the query contains a double quote, which glue passes on to spark as \\" and breaks the query; '
      + 'write string literals in single quotes and identifiers in backquotes');
  }
  if (/\r|\n/.test(query) && query.includes('--')) {
    return problem('the query spans several lines and has a -- comment, which would swallow the rest once the lines are joined; '
      + 'use /* … */ comments or remove the comment');
  }
  const oneLine = query.replace(LINE_BREAKS, ' ').replace(/\t/g, ' ');
  if (hasControlCharacter(oneLine)) return problem('the query contains a control character; remove it');
  COLUMN_PLACEHOLDER.lastIndex = 0;
  if (!column && COLUMN_PLACEHOLDER.test(oneLine)) {
    return problem('the query uses a column placeholder but the rule sits on the table; move it under the property, or name the column');
  }
  let translated = oneLine.replace(TABLE_PLACEHOLDER, 'primary');
  if (column) translated = translated.replace(COLUMN_PLACEHOLDER, () => sqlIdentifier(column.name));
  translated = nameOwnTableAsPrimary(translated, table);
  if (!READS_PRIMARY.test(translated)) {
    return problem(`the query does not read table ${table.logicalName}; write from \${object} (glue names the table primary)`);
  }
  return { kind: 'query', query: translated };
}

/** `from orders` / `join orders` (the table's own ODCS or Glue name) → `from primary`. */
function nameOwnTableAsPrimary(query: string, table: ContractTable): string {
  const names = [...new Set([table.logicalName, table.name])].map(escapeRegExp).join('|');
  const ownTable = new RegExp(`\\b(from|join)(\\s+)\`?(?:${names})\`?(?![\\w.])`, 'gi');
  return query.replace(ownTable, (_match, keyword: string, space: string) => `${keyword}${space}primary`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function problem(text: string): Translated {
  return { kind: 'problem', problem: text };
}
