/** Name rules: product slugs, and what Glue/Athena accept as table and column names. */

/** Glue allows 255 characters for table and column names. */
export const GLUE_NAME_MAX_LENGTH = 255;

/**
 * Athena only handles names of lowercase letters, digits and underscores (Glue itself is more
 * permissive, but a table Athena cannot query is of no use to a consumer).
 */
const GLUE_NAME = /^[a-z0-9_]+$/;

/** Lowercase; runs of anything other than [a-z0-9] become `_`; leading/trailing `_` trimmed. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The Glue name of a table or column: `physicalName` ?? `name`, lower-cased. */
export function glueName(element: { readonly name?: string; readonly physicalName?: string }): string {
  return (element.physicalName ?? element.name ?? '').toLowerCase();
}

/** Undefined when `name` (already lower-cased) is a usable Glue name, else what is wrong and how to fix it. */
export function glueNameIssue(name: string): string | undefined {
  if (name.length > GLUE_NAME_MAX_LENGTH) {
    return `is ${name.length} characters long, more than the ${GLUE_NAME_MAX_LENGTH} Glue allows; set a shorter physicalName`;
  }
  if (!GLUE_NAME.test(name)) {
    const suggestion = slugify(name).slice(0, GLUE_NAME_MAX_LENGTH);
    const fix = suggestion ? `set physicalName to "${suggestion}"` : 'set a physicalName made of such characters';
    return `is not a valid Glue name: use only lowercase letters, digits and underscores; ${fix}`;
  }
  return undefined;
}
