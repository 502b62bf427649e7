/**
 * Parses the custom resource's `ResourceProperties` into a typed request. CloudFormation hands every
 * scalar over as a string (numbers included), so the poll budget is coerced here.
 *
 * `zod/mini` rather than `zod`: same checks, a bundle of ~40 kB instead of ~750 kB in the Lambda.
 */
import * as z from 'zod/mini';
import { LakemeshError } from '../../errors';
import { AcceptanceProperty, MAX_WAIT_LIMIT_SECONDS } from './resource-properties';

export const INVALID_PROPERTIES_CODE = 'LM330';

export interface AcceptanceRequest {
  /** Accounts whose invitations are accepted. */
  readonly senderAccountIds: readonly string[];
  /** When not empty, only invitations to these resource shares count. */
  readonly resourceShareArns: readonly string[];
  /** How long to wait for invitations that have not arrived yet. */
  readonly maxWaitSeconds: number;
}

const accountId = z.string().check(z.regex(/^\d{12}$/, 'must be a 12-digit aws account id'));

const propertiesSchema = z.object({
  [AcceptanceProperty.senderAccountIds]: z.array(accountId).check(z.minLength(1, 'must list at least one account')),
  [AcceptanceProperty.resourceShareArns]: z.optional(z.array(z.string().check(z.startsWith('arn:', 'must be a resource share arn')))),
  [AcceptanceProperty.maxWaitSeconds]: z.coerce
    .number()
    .check(
      z.int('must be a whole number of seconds'),
      z.minimum(0, 'must not be negative'),
      z.maximum(MAX_WAIT_LIMIT_SECONDS, `must be at most ${MAX_WAIT_LIMIT_SECONDS} seconds`),
    ),
});

export function parseAcceptanceRequest(properties: Record<string, unknown>): AcceptanceRequest {
  const parsed = propertiesSchema.safeParse(properties);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(properties)'}: ${describeIssue(issue)}`);
    throw LakemeshError.of(
      INVALID_PROPERTIES_CODE,
      `invalid ram invitation acceptance properties (${details.join('; ')}): ` +
        'these properties are written by the RamInvitationAcceptance construct; synthesize and deploy the stack again instead of editing the template',
    );
  }
  const data = parsed.data;
  return {
    senderAccountIds: [...new Set(data[AcceptanceProperty.senderAccountIds])],
    resourceShareArns: [...new Set(data[AcceptanceProperty.resourceShareArns] ?? [])],
    maxWaitSeconds: data[AcceptanceProperty.maxWaitSeconds],
  };
}

/** zod/mini carries no message for type errors (no locale): say what was expected. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  return issue.message.toLowerCase();
}
