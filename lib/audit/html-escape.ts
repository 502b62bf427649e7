/**
 * Escaping for the HTML report. Every value in it comes from templates (principals, purposes,
 * filter expressions are free text), so every value goes through `escapeHtml`, in text and in
 * attributes alike. No installed runtime dependency provides this (`html-escaper` is only a
 * transitive dev dependency of jest), and the five replacements are the whole of it.
 */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside an element or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => REPLACEMENTS[character]);
}

/**
 * A fragment id for `value`: lower-case letters, digits and dashes only, prefixed so it never
 * starts with a digit. Distinct values may share an id only if they differ in punctuation alone.
 */
export function fragmentId(prefix: string, value: string): string {
  const slug = value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${prefix}-${slug || 'x'}`;
}
