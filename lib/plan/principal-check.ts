/**
 * Principals lakemesh never grants to: `IAM_ALLOWED_PRINCIPALS` (makes Lake Formation grants
 * meaningless), wildcards, and whole accounts (a 12-digit account id, its `:root` ARN or its
 * `:IAMPrincipals` group), which would hand the access to everyone in that account.
 */
import { Problem } from '../errors';
import { GRANT_CODES } from './grant-codes';

const REFUSED: readonly { readonly test: (principal: string) => boolean; readonly why: string }[] = [
  { test: (p) => p.toUpperCase() === 'IAM_ALLOWED_PRINCIPALS', why: 'it hands the resource to IAM policies and bypasses Lake Formation' },
  { test: (p) => p.includes('*'), why: 'wildcard principals are never granted' },
  { test: (p) => /^\d{12}$/.test(p), why: 'it is a whole AWS account' },
  { test: (p) => /^arn:[^:]+:iam::\d{12}:root$/.test(p), why: 'it is the root of a whole AWS account' },
  { test: (p) => /^\d{12}:IAMPrincipals$/i.test(p), why: 'it is every IAM principal of an AWS account' },
];

/** Problems with one literal principal (skip unresolved tokens before calling). */
export function principalProblems(principal: string, path = 'principal'): Problem[] {
  if (principal.trim() === '') {
    return [
      {
        code: GRANT_CODES.missingGrantField,
        path,
        message: `principal is empty; give the ARN of an IAM role or user, e.g. arn:aws:iam::444444444444:role/analyst`,
      },
    ];
  }
  const refused = REFUSED.find((rule) => rule.test(principal));
  if (!refused) return [];
  return [
    {
      code: GRANT_CODES.principalRefused,
      path,
      message: `principal "${principal}" is refused because ${refused.why}; grant to the ARN of a specific IAM role or user instead`,
    },
  ];
}
