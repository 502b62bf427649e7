/**
 * The contract between the `RamInvitationAcceptance` construct (which writes these custom resource
 * properties at synth time) and the Lambda handler (which reads them at deploy time). Plain data,
 * no AWS SDK and no CDK, so that both sides can import it.
 */

/** CloudFormation type of the acceptance custom resource. */
export const RAM_ACCEPTANCE_RESOURCE_TYPE = 'Custom::LakemeshRamInvitationAcceptance';

/** Longest poll budget the handler accepts; the provider's Lambda timeout (15 minutes) sits above it. */
export const MAX_WAIT_LIMIT_SECONDS = 14 * 60;

/** Property names as they appear in the template. */
export const AcceptanceProperty = {
  /** Account ids whose invitations are accepted, sorted and without duplicates. */
  senderAccountIds: 'SenderAccountIds',
  /** Resource share ARNs to restrict acceptance to; absent means every share from the senders. */
  resourceShareArns: 'ResourceShareArns',
  /** Poll budget in seconds while no invitation has arrived yet. */
  maxWaitSeconds: 'MaxWaitSeconds',
  /** What the senders granted; only there so that a new grant re-runs acceptance (see the construct). */
  grantedResources: 'GrantedResources',
} as const;
