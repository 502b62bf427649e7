/**
 * Reading resolved CloudFormation values. Rules see templates after `Stack.resolve`, where a value
 * CDK could not know at synth time is an intrinsic (`{ Ref }`, `{ 'Fn::GetAtt' }`, …). An intrinsic
 * is never evidence of non-compliance by itself: helpers here let rules tell "absent" from
 * "unknown" from "known".
 */

/** A plain JSON object (never an intrinsic function). */
export type CfnObject = { readonly [key: string]: unknown };

const INTRINSIC_KEY = /^(Ref|Condition|Fn::[A-Za-z0-9]+)$/;

/** True for a CloudFormation intrinsic such as `{ Ref: 'X' }` or `{ 'Fn::Join': [...] }`. */
export function isIntrinsic(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && INTRINSIC_KEY.test(keys[0]);
}

/** The logical id or parameter a `{ Ref }` names, or undefined for any other value. */
export function refTarget(value: unknown): string | undefined {
  if (!isIntrinsic(value)) return undefined;
  const target = (value as CfnObject).Ref;
  return typeof target === 'string' ? target : undefined;
}

/** True for a plain object that is not an intrinsic. */
export function isCfnObject(value: unknown): value is CfnObject {
  return isJsonObject(value) && !isIntrinsic(value);
}

/** Follows `keys` through plain objects; undefined as soon as a step is absent or not a plain object. */
export function field(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isCfnObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The string, or undefined when the value is not a literal string. */
export function literalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A literal boolean (CloudFormation also accepts `"true"`/`"false"`), or undefined. */
export function literalBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

/** True for a value that is present: a non-empty string, a non-empty list, an intrinsic, any other non-null value. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** True for a non-empty list whose every entry is present. An intrinsic counts as present. */
export function isPresentList(value: unknown): boolean {
  if (isIntrinsic(value)) return true;
  return Array.isArray(value) && value.length > 0 && value.every(isPresent);
}

/** The literal strings of a list; entries that are not literal strings are left out. */
export function literalStrings(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is string => typeof entry === 'string');
}

/** A CloudFormation list value that may hold a single item instead of a list. */
export function asList(value: unknown): readonly unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Flattens a string-valued CloudFormation expression into one string in which each unknown part
 * reads `{Name}`: `{ Ref: 'AWS::AccountId' }` → `{AWS.AccountId}`, `Fn::GetAtt [Role, Arn]` →
 * `{Role.Arn}`, `${AWS::Partition}` inside `Fn::Sub` → `{AWS.Partition}`, anything else `{?}`.
 * Markers hold no `:`, so ARN fields can still be split on it. Undefined for non-string values.
 */
export function flattenString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!isIntrinsic(value)) return undefined;
  const [name, argument] = Object.entries(value as CfnObject)[0];
  switch (name) {
    case 'Ref':
      return typeof argument === 'string' ? marker(argument) : UNKNOWN_MARKER;
    case 'Fn::GetAtt':
      return Array.isArray(argument) ? marker(argument.map((part) => flattenString(part) ?? '?').join('.')) : UNKNOWN_MARKER;
    case 'Fn::Join':
      return flattenJoin(argument);
    case 'Fn::Sub': {
      const template = Array.isArray(argument) ? argument[0] : argument;
      return typeof template === 'string'
        ? template.replace(/\$\{([^}]*)\}/g, (_whole, inner: string) => marker(inner))
        : UNKNOWN_MARKER;
    }
    default:
      return UNKNOWN_MARKER;
  }
}

/** The marker `flattenString` writes for an unknown part it cannot name. */
export const UNKNOWN_MARKER = '{?}';

/** The marker for the stack's own account (`AWS::AccountId`). */
export const ACCOUNT_ID_MARKER = '{AWS.AccountId}';

/** True when a flattened string is exactly one unknown part. */
export function isSingleMarker(flat: string): boolean {
  return /^\{[^{}]*\}$/.test(flat);
}

function flattenJoin(argument: unknown): string {
  if (!Array.isArray(argument) || argument.length !== 2) return UNKNOWN_MARKER;
  const [delimiter, parts] = argument;
  if (typeof delimiter !== 'string' || !Array.isArray(parts)) return UNKNOWN_MARKER;
  return parts.map((part) => flattenString(part) ?? UNKNOWN_MARKER).join(delimiter);
}

function marker(name: string): string {
  return `{${name.replace(/::/g, '.').replace(/[:{}]/g, '.')}}`;
}

function isJsonObject(value: unknown): value is CfnObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
