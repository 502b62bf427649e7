/**
 * Checks of AWS identifiers written by hand in mesh.yaml: account ids, regions and IAM principal
 * ARNs. Each check returns the reason it failed (a message fragment) or undefined. Parsing user
 * input is the one place lakemesh reads `arn:` strings; it never builds them this way.
 */

const ACCOUNT_PATTERN = /^\d{12}$/;
/** `eu-west-1`, `us-gov-west-1`, `us-isob-east-1`, `cn-north-1`, `eusc-de-east-1`. */
const REGION_PATTERN = /^[a-z]{2,4}(?:-[a-z]+)?-[a-z]+-\d{1,2}$/;
/** IAM role and user names are 1–64 characters; paths at most 512. */
const MAX_IAM_NAME_LENGTH = 64;
const MAX_IAM_PATH_LENGTH = 512;
/** `arn:<partition>:iam::<account>:role|user/<path/><name>`. */
const IAM_PRINCIPAL_PATTERN = /^arn:(aws[a-z-]*):iam::(\d{12}):(role|user)\/([\w+=,.@/-]+)$/;

export function accountIdProblem(value: string | number): string | undefined {
  if (typeof value === 'number') {
    const digits = String(value);
    return digits.length === 12
      ? `account id must be a quoted string, got the number ${value}; write it in quotes ("${value}") so YAML keeps every digit`
      : `account id must be a quoted string, got the number ${value}; write all 12 digits in quotes, since YAML drops the leading zeros of a number`;
  }
  if (!ACCOUNT_PATTERN.test(value)) {
    return `account id must be 12 digits, got ${JSON.stringify(value)}; copy it from the AWS console (no dashes or spaces)`;
  }
  return undefined;
}

export function regionProblem(value: string): string | undefined {
  if (REGION_PATTERN.test(value)) return undefined;
  return `expected an AWS region such as "eu-west-1", got ${JSON.stringify(value)}`;
}

/** The AWS partition of a region (`aws`, `aws-cn`, `aws-us-gov`, …). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

export type PrincipalKind = 'role' | 'user';

export interface IamPrincipal {
  readonly partition: string;
  readonly account: string;
  readonly kind: PrincipalKind;
}

export type PrincipalCheck = { readonly ok: true; readonly principal: IamPrincipal } | { readonly ok: false; readonly reason: string };

/**
 * Parses an IAM role or user ARN. Wildcards and account roots are refused: Lake Formation grants
 * must name exactly who gets access.
 */
export function parseIamPrincipal(value: string, allowed: readonly PrincipalKind[] = ['role', 'user']): PrincipalCheck {
  const example = allowed.includes('user') ? 'an IAM role or user ARN' : 'an IAM role ARN';
  if (value.includes('*') || value.includes('?')) {
    return { ok: false, reason: `wildcards are not allowed in principals, got ${JSON.stringify(value)}; name each role or user` };
  }
  if (/^arn:aws[a-z-]*:iam::\d{12}:root$/.test(value) || ACCOUNT_PATTERN.test(value)) {
    return { ok: false, reason: `an account root gives the whole account access, got ${JSON.stringify(value)}; name ${example} instead` };
  }
  const match = IAM_PRINCIPAL_PATTERN.exec(value);
  if (!match) {
    return { ok: false, reason: `expected ${example} like "arn:aws:iam::123456789012:role/analyst", got ${JSON.stringify(value)}` };
  }
  const kind = match[3] as PrincipalKind;
  if (!allowed.includes(kind)) {
    return { ok: false, reason: `expected ${example}, got the IAM ${kind} ${JSON.stringify(value)}` };
  }
  const pathAndName = match[4];
  const name = pathAndName.slice(pathAndName.lastIndexOf('/') + 1);
  if (name === '' || name.length > MAX_IAM_NAME_LENGTH || pathAndName.length - name.length + 1 > MAX_IAM_PATH_LENGTH) {
    return {
      ok: false,
      reason: `the IAM ${kind} name ${JSON.stringify(name)} in ${JSON.stringify(value)} cannot exist: IAM ${kind} names are 1–${MAX_IAM_NAME_LENGTH} characters and paths at most ${MAX_IAM_PATH_LENGTH}; copy the ARN from the IAM console`,
    };
  }
  return { ok: true, principal: { partition: match[1], account: match[2], kind } };
}

/** A plausible email address (one `@`, a dot in the domain, no spaces). */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** Any IAM or STS principal ARN (a person's federated session or a role acting for a pipeline). */
export function isPrincipalArn(value: string): boolean {
  return /^arn:aws[a-z-]*:(?:iam|sts)::\d{12}:\S+$/.test(value);
}
