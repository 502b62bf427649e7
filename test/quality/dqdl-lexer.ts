/**
 * A test-only reading of DQDL text the way the DQDL lexer reads it (awslabs/dqdl
 * `QUOTED_STRING: '"' (ESC | .)*? '"'`, `ESC: '\\"' | '\\\\'`), to prove that no contract value can
 * end a string early and add rules of its own.
 */

export interface Lexed {
  /** The raw text between the quotes of each string, escapes included. */
  readonly strings: string[];
  /** Everything outside strings, each string replaced by `"…"`. */
  readonly skeleton: string;
}

export function lex(text: string): Lexed {
  const strings: string[] = [];
  let skeleton = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') {
      skeleton += text[i];
      i++;
      continue;
    }
    let j = i + 1;
    let raw = '';
    for (;;) {
      if (j >= text.length) throw new Error(`unterminated string starting at ${i} in ${text}`);
      const pair = text.slice(j, j + 2);
      if (pair === '\\"' || pair === '\\\\') {
        raw += pair;
        j += 2;
      } else if (text[j] === '"') {
        break;
      } else {
        raw += text[j];
        j++;
      }
    }
    strings.push(raw);
    skeleton += '"…"';
    i = j + 1;
  }
  return { strings, skeleton };
}

/** What the DQDL parser makes of an `in [ … ]` value: every `\x` becomes `x`. */
export function unescapeListValue(raw: string): string {
  return raw.replace(/\\(.)/g, '$1');
}

/** The top-level rules of `Rules = [ … ]`, split on commas outside strings and brackets. */
export function topLevelRules(ruleset: string): string[] {
  const { skeleton } = lex(ruleset);
  const match = /^Rules = \[\n([\s\S]*)\n\]$/.exec(skeleton);
  if (!match) throw new Error(`not a ruleset: ${skeleton}`);
  const rules: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of match[1]) {
    if (char === '[' || char === '(') depth++;
    if (char === ']' || char === ')') depth--;
    if (char === ',' && depth === 0) {
      rules.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  rules.push(current.trim());
  return rules;
}
