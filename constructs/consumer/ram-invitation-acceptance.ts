import * as path from 'node:path';
import { CustomResource, CustomResourceProvider, Duration, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ProblemCollector } from '../../lib/errors';
import { bundledHandlerDirectory, HANDLER_RUNTIME } from '../../lib/handlers/bundle';
import {
  AcceptanceProperty,
  MAX_WAIT_LIMIT_SECONDS,
  RAM_ACCEPTANCE_RESOURCE_TYPE,
} from '../../lib/handlers/accept-ram-invitations/resource-properties';

export interface RamInvitationAcceptanceProps {
  /**
   * Accounts whose AWS RAM resource share invitations this account accepts: the accounts that grant
   * Lake Formation permissions on named resources to this one (the governance account with
   * central-catalog sharing, the producer accounts with producer-direct sharing). Deployment succeeds
   * once each of them has at least one accepted resource share.
   */
  readonly senderAccounts: string[];

  /**
   * How long the deployment waits for invitations that have not arrived yet before it fails. At most
   * 14 minutes: the provider Lambda's timeout is 15 minutes.
   *
   * @default Duration.minutes(5)
   */
  readonly maxWait?: Duration;

  /**
   * Accept only invitations to these resource shares (each must belong to a sender account), and
   * require each of them instead of one per sender. Lake Formation names and creates its shares
   * itself, so this is rarely known in advance.
   *
   * @default - every invitation from `senderAccounts`
   */
  readonly resourceShareArns?: string[];

  /**
   * What the senders granted to this account, e.g. the shared database names. Not used for
   * filtering: CloudFormation runs the acceptance again only when its properties change, and a new
   * grant can bring a new resource share with a new invitation, so listing the grants here makes every
   * change of grants accept again. Deterministic, unlike a timestamp that would re-run every deploy.
   *
   * @default - acceptance runs again only when `senderAccounts`, `resourceShareArns` or `maxWait` change
   */
  readonly grantedResources?: string[];
}

/**
 * Accepts, at deploy time, the AWS RAM resource share invitations that Lake Formation cross-account
 * grants send to an account outside the grantor's AWS Organization (CloudFormation has no resource
 * for that), so that resource links work right after the deployment. Depend on it from anything that
 * needs the shared resources: `link.node.addDependency(acceptance)`.
 *
 * Leave it out when all accounts share one AWS Organization with RAM sharing enabled: RAM sends no
 * invitations there, and this resource would wait for one until `maxWait` runs out.
 *
 * Deleting it leaves the accepted shares in place: access is revoked by the grantor, not here.
 */
export class RamInvitationAcceptance extends Construct {
  /** Poll budget when `maxWait` is not given. */
  static readonly DEFAULT_MAX_WAIT = Duration.minutes(5);
  /** Largest `maxWait` accepted. */
  static readonly MAX_WAIT_LIMIT = Duration.seconds(MAX_WAIT_LIMIT_SECONDS);
  /** Timeout of the provider Lambda, shared by every acceptance in a stack, above any `maxWait`. */
  static readonly PROVIDER_TIMEOUT = Duration.minutes(15);

  /** Sender accounts, sorted and without duplicates. */
  public readonly senderAccounts: readonly string[];
  public readonly maxWait: Duration;

  constructor(scope: Construct, id: string, props: RamInvitationAcceptanceProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.senderAccounts = sortedUnique(props.senderAccounts);
    this.maxWait = props.maxWait ?? RamInvitationAcceptance.DEFAULT_MAX_WAIT;
    validate(stack, props, this.maxWait);

    const provider = CustomResourceProvider.getOrCreateProvider(this, 'LakemeshRamInvitationAcceptanceProvider', {
      codeDirectory: bundledHandlerDirectory(path.join(__dirname, '..', '..', 'lib', 'handlers', 'accept-ram-invitations', 'index.ts')),
      runtime: HANDLER_RUNTIME,
      timeout: RamInvitationAcceptance.PROVIDER_TIMEOUT,
      description: 'lakemesh: accepts AWS RAM resource share invitations sent by Lake Formation cross-account grants',
      // GetResourceShareInvitations has no resource type in IAM: it only works with "*". It is read-only
      // and lists only invitations addressed to this account.
      policyStatements: [{ Effect: 'Allow', Action: 'ram:GetResourceShareInvitations', Resource: '*' }],
    });
    // One statement per acceptance: the provider is a stack singleton, its creation props apply once.
    provider.addToRolePolicy({
      Effect: 'Allow',
      Action: 'ram:AcceptResourceShareInvitation',
      // An invitation's ARN names the sender's account and a random id, so the ARN cannot pin the
      // sender ahead of time; RAM's ram:ShareOwnerAccountId condition does.
      Resource: stack.formatArn({ service: 'ram', account: '*', resource: 'resource-share-invitation', resourceName: '*' }),
      Condition: { StringEquals: { 'ram:ShareOwnerAccountId': this.senderAccounts } },
    });

    const shareArns = sortedUnique(props.resourceShareArns ?? []);
    const grantedResources = sortedUnique(props.grantedResources ?? []);
    new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: RAM_ACCEPTANCE_RESOURCE_TYPE,
      // Without a response CloudFormation would wait an hour; the Lambda is done within its timeout.
      serviceTimeout: RamInvitationAcceptance.PROVIDER_TIMEOUT.plus(Duration.minutes(1)),
      properties: {
        [AcceptanceProperty.senderAccountIds]: this.senderAccounts,
        [AcceptanceProperty.maxWaitSeconds]: wholeSeconds(this.maxWait),
        ...(shareArns.length > 0 ? { [AcceptanceProperty.resourceShareArns]: shareArns } : {}),
        ...(grantedResources.length > 0 ? { [AcceptanceProperty.grantedResources]: grantedResources } : {}),
      },
    });
  }
}

/** Problem codes of this construct (LM320–LM329; the handler's deploy-time errors use LM330–LM339). */
export const RAM_ACCEPTANCE_CODES = {
  noSender: 'LM320',
  invalidAccount: 'LM321',
  ownAccount: 'LM322',
  maxWaitTooLong: 'LM323',
  invalidShareArn: 'LM324',
  shareOfOtherAccount: 'LM325',
  shareInOtherRegion: 'LM326',
} as const;

const ACCOUNT_ID = /^\d{12}$/;
const RESOURCE_SHARE_ARN = /^arn:[a-z-]+:ram:([a-z0-9-]+):(\d{12}):resource-share\/[A-Za-z0-9-]+$/;

function validate(stack: Stack, props: RamInvitationAcceptanceProps, maxWait: Duration): void {
  const problems = new ProblemCollector();
  const add = (code: string, path: string, message: string) => problems.add({ code, path, message });

  if (props.senderAccounts.length === 0) {
    add(
      RAM_ACCEPTANCE_CODES.noSender,
      'senderAccounts',
      'needs at least one account id: list the accounts that grant lake formation permissions to this account ' +
        '(the governance account, or the producer accounts with producer-direct sharing)',
    );
  }
  props.senderAccounts.forEach((account, index) => {
    if (Token.isUnresolved(account)) return;
    if (!ACCOUNT_ID.test(account)) {
      add(RAM_ACCEPTANCE_CODES.invalidAccount, `senderAccounts[${index}]`, `expected a 12-digit aws account id, got ${JSON.stringify(account)}: give the account id as a string of 12 digits`);
    } else if (!Token.isUnresolved(stack.account) && account === stack.account) {
      add(
        RAM_ACCEPTANCE_CODES.ownAccount,
        `senderAccounts[${index}]`,
        `is this stack's own account ${account}, which never sends invitations to itself: remove it`,
      );
    }
  });

  const maxWaitSeconds = wholeSeconds(maxWait);
  if (!Token.isUnresolved(maxWaitSeconds) && maxWaitSeconds > MAX_WAIT_LIMIT_SECONDS) {
    add(
      RAM_ACCEPTANCE_CODES.maxWaitTooLong,
      'maxWait',
      `must be at most ${RamInvitationAcceptance.MAX_WAIT_LIMIT.toHumanString()} (the provider lambda times out after ` +
        `${RamInvitationAcceptance.PROVIDER_TIMEOUT.toHumanString()}), got ${maxWait.toHumanString()}: lower maxWait`,
    );
  }

  const senders = new Set(props.senderAccounts);
  (props.resourceShareArns ?? []).forEach((arn, index) => {
    if (Token.isUnresolved(arn)) return;
    const path = `resourceShareArns[${index}]`;
    const match = RESOURCE_SHARE_ARN.exec(arn);
    if (!match) {
      add(RAM_ACCEPTANCE_CODES.invalidShareArn, path, `expected a resource share arn (arn:<partition>:ram:<region>:<account>:resource-share/<id>), got ${JSON.stringify(arn)}`);
      return;
    }
    const [, region, owner] = match;
    if (!senders.has(owner)) {
      add(
        RAM_ACCEPTANCE_CODES.shareOfOtherAccount,
        path,
        `belongs to account ${owner}, which is not in senderAccounts (${[...senders].join(', ') || 'none'}): add ${owner} to senderAccounts or remove the arn`,
      );
    }
    if (!Token.isUnresolved(stack.region) && region !== stack.region) {
      add(
        RAM_ACCEPTANCE_CODES.shareInOtherRegion,
        path,
        `is in region ${region}, but this stack deploys to ${stack.region} and ram invitations are regional: remove the arn or deploy the acceptance to ${region}`,
      );
    }
  });

  problems.throwIfAny();
}

/** The handler polls in whole seconds; a token (a deploy-time parameter) passes through untouched. */
function wholeSeconds(duration: Duration): number {
  const seconds = duration.toSeconds({ integral: false });
  return Token.isUnresolved(seconds) ? seconds : Math.ceil(seconds);
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
