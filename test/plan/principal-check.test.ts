import { principalProblems } from '../../lib/plan/principal-check';

describe('principalProblems', () => {
  test.each([
    'arn:aws:iam::444444444444:role/marketing-analyst',
    'arn:aws-cn:iam::444444444444:user/ana',
    'arn:aws:iam::444444444444:role/path/to/role',
  ])('accepts %s', (principal) => {
    expect(principalProblems(principal)).toEqual([]);
  });

  test.each([
    ['IAM_ALLOWED_PRINCIPALS', 'it hands the resource to IAM policies and bypasses Lake Formation'],
    ['iam_allowed_principals', 'it hands the resource to IAM policies and bypasses Lake Formation'],
    ['*', 'wildcard principals are never granted'],
    ['arn:aws:iam::444444444444:role/*', 'wildcard principals are never granted'],
    ['444444444444', 'it is a whole AWS account'],
    ['arn:aws:iam::444444444444:root', 'it is the root of a whole AWS account'],
    ['arn:aws-us-gov:iam::444444444444:root', 'it is the root of a whole AWS account'],
    ['444444444444:IAMPrincipals', 'it is every IAM principal of an AWS account'],
  ])('refuses %s', (principal, why) => {
    expect(principalProblems(principal, 'consumer.principals[0]')).toEqual([
      {
        code: 'LM396',
        path: 'consumer.principals[0]',
        message: `principal "${principal}" is refused because ${why}; grant to the ARN of a specific IAM role or user instead`,
      },
    ]);
  });

  test('refuses an empty principal', () => {
    expect(principalProblems(' ')).toEqual([
      {
        code: 'LM395',
        path: 'principal',
        message: 'principal is empty; give the ARN of an IAM role or user, e.g. arn:aws:iam::444444444444:role/analyst',
      },
    ]);
  });
});
