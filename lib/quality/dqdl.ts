/**
 * Writing values into DQDL (AWS Glue Data Quality Definition Language) text.
 *
 * What the DQDL grammar and parser do with a quoted string decides how each value is written
 * (awslabs/dqdl: `QUOTED_STRING: '"' (ESC | .)*? '"'` with `ESC: '\\"' | '\\\\'`):
 * - every string ends at the first `"` not preceded by an escaping backslash, so any `"` and any
 *   backslash that could pair with the closing quote must be escaped or a contract could end the
 *   string early and inject rules;
 * - values in `in [ … ]` lists are unescaped by the parser (`\"` becomes `"`, `\\` becomes `\`);
 * - rule parameters (column names, `CustomSql` queries) and `matches` regexes are passed on raw,
 *   escapes included. A column name containing `"` or `\` can therefore not be named faithfully,
 *   and regexes/queries keep their own backslash escapes untouched (see `quoteKeepingEscapes`).
 * DQDL has no escape for line breaks or other control characters.
 */

/** Glue caps a ruleset at 65,536 characters (CreateDataQualityRuleset / UpdateDataQualityRuleset). */
export const MAX_RULESET_LENGTH = 65_536;

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

/**
 * Why a column name cannot be written as a DQDL rule parameter, or `undefined` when it can.
 * Glue passes parameters on without unescaping, so `"` and `\` cannot be expressed.
 */
export function unquotableColumnReason(name: string): string | undefined {
  if (name.length === 0) return 'the column name is empty';
  if (name.includes('"') || name.includes('\\') || hasControlCharacter(name)) {
    return `column name ${JSON.stringify(name)} contains a double quote, backslash or control character, `
      + 'which a dqdl rule cannot name; give the column a physicalName without them to compile its rules';
  }
  return undefined;
}

/**
 * A DQDL string literal whose content the parser unescapes (`in [ … ]` values, `where` clauses,
 * dates). Always safe: the result cannot end before its closing quote.
 */
export function dqdlString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A column as a DQDL rule parameter. Callers check `unquotableColumnReason` first; escaping here
 * still keeps a name that slipped through from ending the string.
 */
export function dqdlColumn(name: string): string {
  return dqdlString(name);
}

/**
 * A regex for `matches "…"`. Glue hands the text between the quotes to the regex engine as is, so
 * existing escapes (`\d`, `\\`, `\"`) are kept pair by pair, a bare `"` becomes `\"` (which a regex
 * reads as `"`), and control characters become `\n`, `\r`, `\t` or `\xHH`.
 * `undefined` when the pattern ends in a lone backslash (not a valid regex, and it would escape the
 * closing quote).
 */
export function dqdlRegex(pattern: string): string | undefined {
  return quoteKeepingEscapes(pattern, controlAsEscape);
}

/**
 * A Spark SQL query for `CustomSql "…"`, passed on raw like a regex. Callers reject `"` and control
 * characters first (Spark would see `\"`); backslash pairs are kept so string literals such as
 * `'a\'b'` reach Spark unchanged. `undefined` when the query ends in a lone backslash.
 */
export function dqdlSql(query: string): string | undefined {
  return quoteKeepingEscapes(query, controlAsEscape);
}

/**
 * Quotes text whose backslash escapes the consumer interprets itself. Each backslash is emitted
 * together with the character it escapes, so the DQDL lexer and the consumer pair them alike and no
 * backslash is left to escape the closing quote.
 */
function quoteKeepingEscapes(text: string, escapeControl: (char: string) => string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') {
      const next = text[i + 1];
      if (next === undefined) return undefined;
      out += hasControlCharacter(next) ? escapeControl(next) : `\\${next}`;
      i++;
    } else if (char === '"') {
      out += '\\"';
    } else if (hasControlCharacter(char)) {
      out += escapeControl(char);
    } else {
      out += char;
    }
  }
  return `"${out}"`;
}

function controlAsEscape(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 });

/**
 * A number as DQDL writes it: digits with an optional fraction, never an exponent (the grammar has
 * none). `undefined` when the value is not finite or cannot be written exactly that way.
 */
export function dqdlNumber(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = NUMBER_FORMAT.format(Object.is(value, -0) ? 0 : value);
  return Number(text) === value ? text : undefined;
}

/** Rounds away binary noise such as `1 - 0.07 = 0.9299999999999999`. */
export function roundRatio(value: number): number {
  return Number(value.toFixed(10));
}

/** The full document: one rule per line, in the order given. */
export function renderRuleset(rules: readonly string[]): string {
  return `Rules = [\n${rules.map((rule) => `  ${rule}`).join(',\n')}\n]`;
}
