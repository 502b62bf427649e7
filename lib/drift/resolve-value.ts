/**
 * Resolves the CloudFormation values drift needs offline: literals, pseudo parameters, `Fn::Join`,
 * `Fn::Sub`, `Fn::Select`, and references to resources of the same template whose value the
 * template itself fixes (a role's `RoleName`, a bucket's `BucketName`, a Glue database's or table's
 * name, an LF-Tag's key).
 * Anything else (parameters, imports, generated names) is undefined: the caller reports it as
 * unresolvable instead of guessing.
 */
import { CfnObject, isCfnObject, isIntrinsic } from '../nag/cfn-values';

export interface ResolveContext {
  readonly account: string;
  readonly region: string;
  readonly stackName: string;
  /** The template's `Resources`. */
  readonly resources: CfnObject;
}

/** References are followed at most this deep (a cycle in a template resolves to undefined). */
const MAX_DEPTH = 8;

/** `aws`, `aws-cn` or `aws-us-gov`, from the region. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The ARN of an IAM role; the partition comes from the region. */
export function roleArn(account: string, region: string, roleNameWithPath: string): string {
  return ['arn', partitionOf(region), 'iam', '', account, `role/${roleNameWithPath}`].join(':');
}

/** The value as a string, or undefined when the template alone cannot tell it. */
export function resolveText(value: unknown, context: ResolveContext, depth = 0): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!isIntrinsic(value) || depth > MAX_DEPTH) return undefined;
  const [name, argument] = Object.entries(value as CfnObject)[0];
  switch (name) {
    case 'Ref':
      return typeof argument === 'string' ? resolveRef(argument, context, depth + 1) : undefined;
    case 'Fn::GetAtt':
      return resolveGetAtt(attributePath(argument), context, depth + 1);
    case 'Fn::Join':
      return resolveJoin(argument, context, depth + 1);
    case 'Fn::Sub':
      return resolveSub(argument, context, depth + 1);
    case 'Fn::Select':
      return resolveSelect(argument, context, depth + 1);
    default:
      return undefined;
  }
}

/** The entries of a list, each resolved; undefined when the list or any entry cannot be resolved. */
export function resolveTexts(value: unknown, context: ResolveContext): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const resolved = value.map((entry) => resolveText(entry, context));
  return resolved.every((entry): entry is string => entry !== undefined) ? resolved : undefined;
}

function resolveRef(target: string, context: ResolveContext, depth: number): string | undefined {
  switch (target) {
    case 'AWS::AccountId':
      return context.account;
    case 'AWS::Region':
      return context.region;
    case 'AWS::Partition':
      return partitionOf(context.region);
    case 'AWS::URLSuffix':
      return context.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    case 'AWS::StackName':
      return context.stackName;
  }
  const resource = resourceOf(target, context);
  if (resource === undefined) return undefined;
  const properties = isCfnObject(resource.Properties) ? resource.Properties : {};
  // What `Ref` returns for the resource types drift meets: the physical name the template fixes.
  switch (resource.Type) {
    case 'AWS::IAM::Role':
      return resolveText(properties.RoleName, context, depth);
    case 'AWS::Glue::Database':
      return resolveText(objectAt(properties, 'DatabaseInput')?.Name, context, depth);
    case 'AWS::Glue::Table':
      return resolveText(objectAt(properties, 'TableInput')?.Name, context, depth);
    case 'AWS::LakeFormation::Tag':
      return resolveText(properties.TagKey, context, depth);
    case 'AWS::S3::Bucket':
      return resolveText(properties.BucketName, context, depth);
    default:
      return undefined;
  }
}

function resolveGetAtt(path: readonly string[] | undefined, context: ResolveContext, depth: number): string | undefined {
  if (path === undefined || path.length !== 2) return undefined;
  const [logicalId, attribute] = path;
  const resource = resourceOf(logicalId, context);
  if (resource?.Type === 'AWS::S3::Bucket' && attribute === 'Arn') {
    const bucket = resolveRef(logicalId, context, depth);
    return bucket === undefined ? undefined : ['arn', partitionOf(context.region), 's3', '', '', bucket].join(':');
  }
  if (resource?.Type !== 'AWS::IAM::Role' || attribute !== 'Arn') return undefined;
  const properties = isCfnObject(resource.Properties) ? resource.Properties : {};
  const name = resolveText(properties.RoleName, context, depth);
  if (name === undefined) return undefined;
  const rolePath = properties.Path === undefined ? '/' : resolveText(properties.Path, context, depth);
  if (rolePath === undefined) return undefined;
  return roleArn(context.account, context.region, `${rolePath.replace(/^\//, '')}${name}`);
}

function resolveJoin(argument: unknown, context: ResolveContext, depth: number): string | undefined {
  if (!Array.isArray(argument) || argument.length !== 2 || typeof argument[0] !== 'string' || !Array.isArray(argument[1])) return undefined;
  const parts = argument[1].map((part: unknown) => resolveText(part, context, depth));
  return parts.every((part): part is string => part !== undefined) ? parts.join(argument[0]) : undefined;
}

function resolveSub(argument: unknown, context: ResolveContext, depth: number): string | undefined {
  const [template, variables] = Array.isArray(argument) ? [argument[0], argument[1]] : [argument, undefined];
  if (typeof template !== 'string') return undefined;
  const locals = isCfnObject(variables) ? variables : {};
  let unresolved = false;
  const text = template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    // `${!Literal}` writes `${Literal}` itself.
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const replacement =
      inner in locals
        ? resolveText(locals[inner], context, depth)
        : inner.includes('.') && !inner.startsWith('AWS::')
          ? resolveGetAtt(splitOnce(inner), context, depth)
          : resolveRef(inner, context, depth);
    if (replacement === undefined) unresolved = true;
    return replacement ?? whole;
  });
  return unresolved ? undefined : text;
}

function resolveSelect(argument: unknown, context: ResolveContext, depth: number): string | undefined {
  if (!Array.isArray(argument) || argument.length !== 2 || !Array.isArray(argument[1])) return undefined;
  const index = Number(resolveText(argument[0], context, depth));
  return Number.isInteger(index) && index >= 0 && index < argument[1].length ? resolveText(argument[1][index], context, depth) : undefined;
}

function attributePath(argument: unknown): string[] | undefined {
  if (typeof argument === 'string') return splitOnce(argument);
  if (Array.isArray(argument) && argument.every((part) => typeof part === 'string')) return argument as string[];
  return undefined;
}

/** `Role.Arn` → `['Role', 'Arn']` (attributes may hold dots themselves). */
function splitOnce(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

function resourceOf(logicalId: string, context: ResolveContext): CfnObject | undefined {
  const resource = context.resources[logicalId];
  return isCfnObject(resource) ? resource : undefined;
}

function objectAt(value: CfnObject, key: string): CfnObject | undefined {
  const child = value[key];
  return isCfnObject(child) ? child : undefined;
}
