import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RamInvitationAcceptance, RamInvitationAcceptanceProps } from '../../../constructs/consumer/ram-invitation-acceptance';
import { LakemeshError } from '../../../lib/errors';

const GOVERNANCE = '111111111111';
const PRODUCER = '222222222222';
const CONSUMER = '444444444444';
const SHARE = `arn:aws:ram:eu-west-1:${GOVERNANCE}:resource-share/2a4ab5fb-d859-4751-84f7-8760b35fc1fe`;

function consumerStack(): Stack {
  return new Stack(new App(), 'Consumer', { env: { account: CONSUMER, region: 'eu-west-1' } });
}

function synth(props: RamInvitationAcceptanceProps, stack = consumerStack()): Template {
  new RamInvitationAcceptance(stack, 'Acceptance', props);
  return Template.fromStack(stack);
}

function problemsOf(props: RamInvitationAcceptanceProps): string {
  try {
    new RamInvitationAcceptance(consumerStack(), 'Acceptance', props);
  } catch (error) {
    if (error instanceof LakemeshError) return error.message;
    throw error;
  }
  throw new Error('expected a LakemeshError');
}

describe('the custom resource', () => {
  test('carries the sorted, de-duplicated senders and the default poll budget of 5 minutes', () => {
    const template = synth({ senderAccounts: [PRODUCER, GOVERNANCE, PRODUCER] });

    expect(RamInvitationAcceptance.DEFAULT_MAX_WAIT.toSeconds()).toBe(300);
    template.hasResourceProperties('Custom::LakemeshRamInvitationAcceptance', {
      SenderAccountIds: [GOVERNANCE, PRODUCER],
      MaxWaitSeconds: 300,
      ResourceShareArns: Match.absent(),
      GrantedResources: Match.absent(),
      ServiceTimeout: '960',
    });
  });

  test('passes maxWait, share arns and granted resources through', () => {
    const template = synth({
      senderAccounts: [GOVERNANCE],
      maxWait: Duration.seconds(90.5),
      resourceShareArns: [SHARE],
      grantedResources: ['sales_orders', 'finance_ledger', 'sales_orders'],
    });

    template.hasResourceProperties('Custom::LakemeshRamInvitationAcceptance', {
      MaxWaitSeconds: 91,
      ResourceShareArns: [SHARE],
      GrantedResources: ['finance_ledger', 'sales_orders'],
    });
  });

  test('is the construct default child, so that dependants can wait for it', () => {
    const stack = consumerStack();
    const acceptance = new RamInvitationAcceptance(stack, 'Acceptance', { senderAccounts: [GOVERNANCE] });

    expect(acceptance.node.defaultChild?.node.path).toBe('Consumer/Acceptance/Resource');
  });
});

describe('the provider lambda', () => {
  test('times out after 15 minutes, above any poll budget', () => {
    const template = synth({ senderAccounts: [GOVERNANCE], maxWait: Duration.minutes(14) });

    template.hasResourceProperties('AWS::Lambda::Function', { Timeout: 900, Runtime: 'nodejs24.x' });
    expect(RamInvitationAcceptance.PROVIDER_TIMEOUT.toSeconds()).toBeGreaterThan(RamInvitationAcceptance.MAX_WAIT_LIMIT.toSeconds());
  });

  test('is one per stack however many acceptances it serves', () => {
    const stack = consumerStack();
    new RamInvitationAcceptance(stack, 'FromGovernance', { senderAccounts: [GOVERNANCE] });
    new RamInvitationAcceptance(stack, 'FromProducer', { senderAccounts: [PRODUCER] });

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('Custom::LakemeshRamInvitationAcceptance', 2);
  });

  test('may list invitations and accept only those owned by the senders', () => {
    const template = synth({ senderAccounts: [GOVERNANCE, PRODUCER] });

    template.hasResourceProperties('AWS::IAM::Role', {
      Policies: [
        {
          PolicyName: 'Inline',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 'ram:GetResourceShareInvitations', Resource: '*' },
              {
                Effect: 'Allow',
                Action: 'ram:AcceptResourceShareInvitation',
                Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ram:eu-west-1:*:resource-share-invitation/*']] },
                Condition: { StringEquals: { 'ram:ShareOwnerAccountId': [GOVERNANCE, PRODUCER] } },
              },
            ],
          },
        },
      ],
    });
  });

  test('accepts for the senders of every acceptance in the stack', () => {
    const stack = consumerStack();
    new RamInvitationAcceptance(stack, 'FromGovernance', { senderAccounts: [GOVERNANCE] });
    new RamInvitationAcceptance(stack, 'FromProducer', { senderAccounts: [PRODUCER] });

    const statements = Template.fromStack(stack).findResources('AWS::IAM::Role');
    const role = Object.values(statements)[0] as { Properties: { Policies: { PolicyDocument: { Statement: { Action: string; Condition?: unknown }[] } }[] } };
    const conditions = role.Properties.Policies[0].PolicyDocument.Statement.filter((statement) => statement.Action === 'ram:AcceptResourceShareInvitation').map(
      (statement) => statement.Condition,
    );
    expect(conditions).toEqual([
      { StringEquals: { 'ram:ShareOwnerAccountId': [GOVERNANCE] } },
      { StringEquals: { 'ram:ShareOwnerAccountId': [PRODUCER] } },
    ]);
  });

  test('grants nothing beyond listing and accepting invitations', () => {
    const template = synth({ senderAccounts: [GOVERNANCE] });

    const roles = Object.values(template.findResources('AWS::IAM::Role')) as { Properties: { Policies: { PolicyDocument: { Statement: { Action: string }[] } }[] } }[];
    const actions = roles.flatMap((role) => role.Properties.Policies.flatMap((policy) => policy.PolicyDocument.Statement.map((statement) => statement.Action)));
    expect(actions.sort()).toEqual(['ram:AcceptResourceShareInvitation', 'ram:GetResourceShareInvitations']);
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });
});

describe('validation', () => {
  test('fails when no sender account is given', () => {
    expect(problemsOf({ senderAccounts: [] })).toBe(
      'senderAccounts: needs at least one account id: list the accounts that grant lake formation permissions to this account ' +
        '(the governance account, or the producer accounts with producer-direct sharing) [LM320]',
    );
  });

  test('fails when a sender is not a 12-digit account id', () => {
    expect(problemsOf({ senderAccounts: [GOVERNANCE, '12345678901'] })).toBe(
      'senderAccounts[1]: expected a 12-digit aws account id, got "12345678901": give the account id as a string of 12 digits [LM321]',
    );
  });

  test("fails when a sender is the stack's own account", () => {
    expect(problemsOf({ senderAccounts: [CONSUMER] })).toBe(
      `senderAccounts[0]: is this stack's own account ${CONSUMER}, which never sends invitations to itself: remove it [LM322]`,
    );
  });

  test('fails when maxWait is above 14 minutes', () => {
    expect(problemsOf({ senderAccounts: [GOVERNANCE], maxWait: Duration.minutes(20) })).toBe(
      'maxWait: must be at most 14 minutes (the provider lambda times out after 15 minutes), got 20 minutes: lower maxWait [LM323]',
    );
  });

  test('accepts a maxWait of exactly 14 minutes', () => {
    synth({ senderAccounts: [GOVERNANCE], maxWait: Duration.minutes(14) }).hasResourceProperties('Custom::LakemeshRamInvitationAcceptance', {
      MaxWaitSeconds: 840,
    });
  });

  test('fails when a share arn is not a resource share arn', () => {
    expect(problemsOf({ senderAccounts: [GOVERNANCE], resourceShareArns: ['arn:aws:glue:eu-west-1:111111111111:database/sales'] })).toBe(
      'resourceShareArns[0]: expected a resource share arn (arn:<partition>:ram:<region>:<account>:resource-share/<id>), ' +
        'got "arn:aws:glue:eu-west-1:111111111111:database/sales" [LM324]',
    );
  });

  test('fails when a share belongs to an account that is not a sender', () => {
    expect(problemsOf({ senderAccounts: [PRODUCER], resourceShareArns: [SHARE] })).toBe(
      `resourceShareArns[0]: belongs to account ${GOVERNANCE}, which is not in senderAccounts (${PRODUCER}): add ${GOVERNANCE} to senderAccounts or remove the arn [LM325]`,
    );
  });

  test('fails when a share is in another region', () => {
    expect(problemsOf({ senderAccounts: [GOVERNANCE], resourceShareArns: [SHARE.replace('eu-west-1', 'us-east-1')] })).toBe(
      'resourceShareArns[0]: is in region us-east-1, but this stack deploys to eu-west-1 and ram invitations are regional: ' +
        'remove the arn or deploy the acceptance to us-east-1 [LM326]',
    );
  });

  test('reports every problem at once', () => {
    const message = problemsOf({ senderAccounts: ['abc', CONSUMER], maxWait: Duration.minutes(30) });

    expect(message.split('\n').map((line) => line.slice(-7))).toEqual(['[LM321]', '[LM322]', '[LM323]']);
  });

  test('skips the own-account check in an environment-agnostic stack', () => {
    const stack = new Stack(new App(), 'Agnostic');

    expect(() => new RamInvitationAcceptance(stack, 'Acceptance', { senderAccounts: [CONSUMER] })).not.toThrow();
  });
});
