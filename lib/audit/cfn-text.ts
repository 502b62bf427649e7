/**
 * Template values as an auditor reads them. A value CDK could not know at synth time is a
 * CloudFormation intrinsic; the audit shows it in `Fn::Sub` notation (`${Role.Arn}`,
 * `arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x`) rather than failing or printing JSON.
 */
import { CfnObject, isCfnObject, isIntrinsic } from '../nag/cfn-values';

/** The value as text, or undefined when absent (undefined, null, an object or a list). */
export function cfnText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isIntrinsic(value)) return undefined;
  const [name, argument] = Object.entries(value as CfnObject)[0];
  switch (name) {
    case 'Ref':
      return `\${${cfnText(argument) ?? '?'}}`;
    case 'Fn::GetAtt':
      return `\${${Array.isArray(argument) ? argument.map((part) => cfnText(part) ?? '?').join('.') : (cfnText(argument) ?? '?')}}`;
    case 'Fn::Join':
      return joined(argument) ?? compact(name, argument);
    case 'Fn::Sub':
      return substituted(argument) ?? compact(name, argument);
    case 'Fn::ImportValue':
      return `\${ImportValue:${cfnText(argument) ?? '?'}}`;
    case 'Fn::Select':
      return selected(argument) ?? compact(name, argument);
    default:
      return compact(name, argument);
  }
}

/** The text entries of a list (an intrinsic list becomes one entry); anything else is empty. */
export function cfnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(cfnText).filter((text): text is string => text !== undefined);
  const single = isIntrinsic(value) ? cfnText(value) : undefined;
  return single === undefined ? [] : [single];
}

/** A plain object property (never an intrinsic), or undefined. */
export function objectAt(value: unknown, key: string): CfnObject | undefined {
  if (!isCfnObject(value)) return undefined;
  const child = value[key];
  return isCfnObject(child) ? child : undefined;
}

function joined(argument: unknown): string | undefined {
  if (!Array.isArray(argument) || argument.length !== 2) return undefined;
  const [delimiter, parts] = argument;
  if (typeof delimiter !== 'string' || !Array.isArray(parts)) return undefined;
  return parts.map((part) => cfnText(part) ?? '?').join(delimiter);
}

function substituted(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument;
  if (!Array.isArray(argument) || typeof argument[0] !== 'string') return undefined;
  const variables = isCfnObject(argument[1]) ? argument[1] : {};
  return argument[0].replace(/\$\{([^}!]*)\}/g, (whole, inner: string) => {
    const replacement = cfnText(variables[inner]);
    return replacement ?? whole;
  });
}

function selected(argument: unknown): string | undefined {
  if (!Array.isArray(argument) || argument.length !== 2 || !Array.isArray(argument[1])) return undefined;
  const index = Number(argument[0]);
  const item: unknown = argument[1][index];
  return Number.isInteger(index) && item !== undefined ? cfnText(item) : undefined;
}

/** `${Fn::If:[...]}`: an intrinsic shown as compact JSON, never lost. */
function compact(name: string, argument: unknown): string {
  return `\${${name}:${JSON.stringify(argument)}}`;
}
