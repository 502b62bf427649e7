import { ResourceShareInvitation } from '@aws-sdk/client-ram';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { Clock } from '../../../lib/handlers/accept-ram-invitations/clock';

export const GOVERNANCE = '111111111111';
export const PRODUCER = '222222222222';
export const STRANGER = '999999999999';
export const CONSUMER = '444444444444';

export function invitationArn(sender: string, id: string): string {
  return `arn:aws:ram:eu-west-1:${sender}:resource-share-invitation/${id}`;
}

export function shareArn(sender: string, share: string): string {
  return `arn:aws:ram:eu-west-1:${sender}:resource-share/${share}`;
}

export interface InvitationOptions {
  readonly sender?: string;
  readonly id?: string;
  readonly share?: string;
  readonly status?: ResourceShareInvitation['status'];
  readonly invitedAt?: string;
}

/** A RAM invitation as GetResourceShareInvitations returns it; named like Lake Formation's shares. */
export function invitation(options: InvitationOptions = {}): ResourceShareInvitation {
  const sender = options.sender ?? GOVERNANCE;
  const share = options.share ?? 'share-1';
  return {
    resourceShareInvitationArn: invitationArn(sender, options.id ?? `${share}-invitation`),
    resourceShareName: `${sender}-${CONSUMER}-${share}`,
    resourceShareArn: shareArn(sender, share),
    senderAccountId: sender,
    receiverAccountId: CONSUMER,
    invitationTimestamp: new Date(options.invitedAt ?? '2026-11-01T10:00:00Z'),
    status: options.status ?? 'PENDING',
  };
}

export interface EventOptions {
  readonly requestType?: 'Create' | 'Update' | 'Delete';
  readonly senders?: readonly string[];
  readonly shareArns?: readonly string[];
  readonly maxWaitSeconds?: string;
  readonly properties?: Record<string, unknown>;
}

export function event(options: EventOptions = {}): CloudFormationCustomResourceEvent {
  const properties = options.properties ?? {
    ServiceToken: 'arn:aws:lambda:eu-west-1:444444444444:function:provider',
    SenderAccountIds: options.senders ?? [GOVERNANCE],
    ...(options.shareArns ? { ResourceShareArns: options.shareArns } : {}),
    // CloudFormation passes numbers to custom resources as strings.
    MaxWaitSeconds: options.maxWaitSeconds ?? '300',
  };
  const ResourceProperties = properties as CloudFormationCustomResourceEvent['ResourceProperties'];
  const common = {
    ServiceToken: 'arn:aws:lambda:eu-west-1:444444444444:function:provider',
    ResponseURL: '...',
    StackId: 'arn:aws:cloudformation:eu-west-1:444444444444:stack/retail-consumer-marketing/guid',
    RequestId: 'request-1',
    LogicalResourceId: 'Acceptance',
    ResourceType: 'Custom::LakemeshRamInvitationAcceptance',
    ResourceProperties,
  };
  switch (options.requestType ?? 'Create') {
    case 'Create':
      return { ...common, RequestType: 'Create' };
    case 'Update':
      return { ...common, RequestType: 'Update', PhysicalResourceId: 'ram-invitation-acceptance-Acceptance', OldResourceProperties: ResourceProperties };
    case 'Delete':
      return { ...common, RequestType: 'Delete', PhysicalResourceId: 'ram-invitation-acceptance-Acceptance' };
  }
}

/** A clock whose `sleep` moves time forward at once and records every wait. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private time: number;

  constructor(
    start = Date.parse('2026-11-01T12:00:00Z'),
    private readonly jitter = 0.5,
  ) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  async sleep(milliseconds: number): Promise<void> {
    this.sleeps.push(milliseconds);
    this.time += milliseconds;
  }

  random(): number {
    return this.jitter;
  }
}
