/**
 * The length of a value as `cdk synth` writes it into a template (`JSON.stringify(template,
 * undefined, 1)`), without building the text: sizes of resources are estimated for every unit of a
 * mesh, and allocating their text would cost as much as writing the templates.
 */

/**
 * UTF-8 bytes of `JSON.stringify(value, undefined, 1)` when the value sits at nesting `depth` of a
 * larger document (its inner lines are indented by `depth + 1` spaces). `undefined` properties are
 * left out, as JSON does.
 */
export function prettyJsonLength(value: unknown, depth = 0): number {
  if (value === null || typeof value !== 'object') return scalarLength(value);
  const inner = depth + 1;
  if (Array.isArray(value)) {
    if (value.length === 0) return 2;
    let total = 2 + 1 + depth; // brackets, the newline and indent before `]`
    for (const item of value) total += 1 + inner + prettyJsonLength(item, inner) + 1; // newline, indent, item, comma
    return total - 1; // no comma after the last item
  }
  let total = 2 + 1 + depth;
  let members = 0;
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    members++;
    total += 1 + inner + quotedLength(key) + 2 + prettyJsonLength(member, inner) + 1;
  }
  return members === 0 ? 2 : total - 1;
}

/** UTF-8 bytes of `"text"` in JSON: quotes, backslashes and control characters escaped. */
export function quotedLength(text: string): number {
  let length = text.length + 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32) length += SHORT_ESCAPES.has(code) ? 1 : 5; // \n, or \u00XX
    else if (code === 34 || code === 92) length += 1;
    else if (code >= 0xd800 && code <= 0xdfff) length += 1; // half of a 4-byte character
    else if (code >= 0x800) length += 2;
    else if (code >= 0x80) length += 1;
  }
  return length;
}

/** Control characters JSON writes as a backslash and one letter: \b \t \n \f \r. */
const SHORT_ESCAPES = new Set([8, 9, 10, 12, 13]);

function scalarLength(value: unknown): number {
  if (typeof value === 'string') return quotedLength(value);
  if (value === undefined) return 0;
  return JSON.stringify(value).length;
}
