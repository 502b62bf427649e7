/**
 * Lambda handler of the `Custom::LakemeshRamInvitationAcceptance` resource, run behind the CDK's
 * `CustomResourceProvider` entry point: that wrapper calls `handler(event, context)`, sends the
 * returned `PhysicalResourceId` and `Data` to CloudFormation, and reports a thrown error's message as
 * the failure reason.
 *
 * Create and Update accept the invitations (idempotent: accepted ones are skipped, repeats carry the
 * same client token). Delete does nothing: RAM does not let a receiver leave a resource share that
 * holds Glue resources (glue:Catalog, glue:Database, glue:Table; only the owner can remove the
 * principal), and access is the grantor's to revoke, in the grantor's stack. Deleting or rolling back
 * the consumer stack must not cut off access that other stacks or people in this account rely on.
 */
import { RAMClient } from '@aws-sdk/client-ram';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { acceptInvitations, AcceptanceDependencies } from './accept-invitations';
import { parseAcceptanceRequest } from './acceptance-request';
import { systemClock } from './clock';

export interface CustomResourceResult {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, number>;
}

/** Per-request limits, so that a stuck connection cannot hold the deployment until the Lambda times out. */
const RAM_REQUEST_HANDLER = { connectionTimeout: 5_000, requestTimeout: 20_000 };

export async function handler(event: CloudFormationCustomResourceEvent, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<CustomResourceResult> {
  return handleEvent(event, {
    ram: new RAMClient({ requestHandler: RAM_REQUEST_HANDLER }),
    clock: systemClock,
    log: (message) => console.log(message),
    remainingTimeMs: context?.getRemainingTimeInMillis(),
  });
}

export async function handleEvent(event: CloudFormationCustomResourceEvent, deps: AcceptanceDependencies): Promise<CustomResourceResult> {
  if (event.RequestType === 'Delete') {
    deps.log('delete: nothing to undo, accepted resource shares stay (the grantor revokes access)');
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const request = parseAcceptanceRequest(event.ResourceProperties);
  const summary = await acceptInvitations(request, deps);
  return {
    // Stable across updates: acceptance only ever adds, so an update never replaces the resource.
    PhysicalResourceId: event.RequestType === 'Update' ? event.PhysicalResourceId : `ram-invitation-acceptance-${event.LogicalResourceId}`,
    Data: {
      AcceptedInvitationCount: summary.acceptedInvitationArns.length,
      PreviouslyAcceptedShareCount: summary.previouslyAcceptedShareArns.length,
    },
  };
}
