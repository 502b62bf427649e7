import {
  App,
  CfnElement,
  CfnResource,
  CliCredentialsStackSynthesizer,
  DefaultStackSynthesizer,
  Stack,
  StackProps,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  DATA_LAKE_SETTINGS_ID,
  DATA_LAKE_SETTINGS_RESOURCE_TYPE,
  DataLakeSettings,
  DataLakeSettingsProps,
  DEFAULT_CROSS_ACCOUNT_VERSION,
} from '../../../constructs/lake-formation/data-lake-settings';
import { LakemeshError } from '../../../lib/errors';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const PLATFORM_ADMIN = 'arn:aws:iam::111111111111:role/platform-admin';

function stack(props: StackProps = {}, app = new App()): Stack {
  return new Stack(app, 'RetailDomainSales', { env: ENV, ...props });
}

function settingsIn(props: DataLakeSettingsProps = {}, stackProps: StackProps = {}): { stack: Stack; template: Template } {
  const scope = stack(stackProps);
  new DataLakeSettings(scope, 'DataLakeSettings', props);
  return { stack: scope, template: Template.fromStack(scope) };
}

function thrown(build: () => unknown): LakemeshError {
  try {
    build();
  } catch (error) {
    if (error instanceof LakemeshError) return error;
    throw error;
  }
  throw new Error('expected a LakemeshError, nothing was thrown');
}

function logicalId(resource: CfnElement): string {
  return Stack.of(resource).getLogicalId(resource);
}

describe('the deployment role', () => {
  test('is the default bootstrap execution role', () => {
    const { template } = settingsIn();
    template.hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, {
      DeploymentAdmins: [
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::111111111111:role/cdk-hnb659fds-cfn-exec-role-111111111111-eu-west-1' },
      ],
    });
  });

  test('honours a custom qualifier of the synthesizer', () => {
    const { template } = settingsIn({}, { synthesizer: new DefaultStackSynthesizer({ qualifier: 'lakemesh1' }) });
    template.hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, {
      DeploymentAdmins: [
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::111111111111:role/cdk-lakemesh1-cfn-exec-role-111111111111-eu-west-1' },
      ],
    });
  });

  test('honours the bootstrap qualifier from context', () => {
    const scope = stack({}, new App({ context: { '@aws-cdk/core:bootstrapQualifier': 'ctxqual1' } }));
    new DataLakeSettings(scope, 'DataLakeSettings');
    Template.fromStack(scope).hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, {
      DeploymentAdmins: [
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::111111111111:role/cdk-ctxqual1-cfn-exec-role-111111111111-eu-west-1' },
      ],
    });
  });

  test('honours a custom execution role of the synthesizer', () => {
    const synthesizer = new DefaultStackSynthesizer({
      cloudFormationExecutionRole: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/deployer-${Qualifier}',
    });
    const { template } = settingsIn({}, { synthesizer });
    template.hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, {
      DeploymentAdmins: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::111111111111:role/deployer-hnb659fds' }],
    });
  });

  test('leaves account and region to CloudFormation in an environment-agnostic stack', () => {
    const scope = new Stack(new App(), 'Agnostic');
    new DataLakeSettings(scope, 'DataLakeSettings');
    Template.fromStack(scope).hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, {
      DeploymentAdmins: [
        { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-cfn-exec-role-${AWS::AccountId}-${AWS::Region}' },
      ],
    });
  });

  test('can be given explicitly, which any synthesizer accepts', () => {
    const scope = stack({ synthesizer: new CliCredentialsStackSynthesizer() });
    const deployer = iam.Role.fromRoleArn(scope, 'Deployer', 'arn:aws:iam::111111111111:role/deployer');
    new DataLakeSettings(scope, 'DataLakeSettings', { deploymentRole: deployer });
    Template.fromStack(scope).hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, {
      DeploymentAdmins: ['arn:aws:iam::111111111111:role/deployer'],
    });
  });

  test('fails when the synthesizer does not say which role deploys the stack', () => {
    const error = thrown(() => new DataLakeSettings(stack({ synthesizer: new CliCredentialsStackSynthesizer() }), 'DataLakeSettings'));
    expect(error.message).toBe(
      'RetailDomainSales/DataLakeSettings: stack "RetailDomainSales" uses CliCredentialsStackSynthesizer, which does not say which role deploys it: pass deploymentRole (the role cdk deploy runs with) to DataLakeSettings, so that it can create glue and lake formation resources [LM301]',
    );
  });
});

describe('admins', () => {
  test('are none besides the deployment role by default', () => {
    const { template } = settingsIn();
    template.hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, { Admins: [] });
  });

  test('are listed by ARN, for roles of the stack and imported ones alike', () => {
    const scope = stack();
    const steward = new iam.Role(scope, 'Steward', { assumedBy: new iam.AccountRootPrincipal() });
    const platform = iam.Role.fromRoleArn(scope, 'Platform', PLATFORM_ADMIN);
    new DataLakeSettings(scope, 'DataLakeSettings', { admins: [steward, platform] });
    Template.fromStack(scope).hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, {
      Admins: [{ 'Fn::GetAtt': [logicalId(steward.node.defaultChild as CfnElement), 'Arn'] }, PLATFORM_ADMIN],
    });
  });

  test('are listed once each', () => {
    const scope = stack();
    const platform = iam.Role.fromRoleArn(scope, 'Platform', PLATFORM_ADMIN);
    const again = iam.Role.fromRoleArn(scope, 'PlatformAgain', PLATFORM_ADMIN);
    const settings = new DataLakeSettings(scope, 'DataLakeSettings', { admins: [platform, again] });
    expect(settings.adminArns).toEqual([PLATFORM_ADMIN]);
  });

  test('leave out the deployment role, which is never removed', () => {
    const scope = stack({ synthesizer: new CliCredentialsStackSynthesizer() });
    const deployer = iam.Role.fromRoleArn(scope, 'Deployer', 'arn:aws:iam::111111111111:role/deployer');
    const platform = iam.Role.fromRoleArn(scope, 'Platform', PLATFORM_ADMIN);
    new DataLakeSettings(scope, 'DataLakeSettings', { admins: [deployer, platform], deploymentRole: deployer });
    Template.fromStack(scope).hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, {
      Admins: [PLATFORM_ADMIN],
      DeploymentAdmins: ['arn:aws:iam::111111111111:role/deployer'],
    });
  });
});

describe('cross-account version', () => {
  test('defaults to 4', () => {
    expect(DEFAULT_CROSS_ACCOUNT_VERSION).toBe(4);
    const { template } = settingsIn();
    template.hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, { CrossAccountVersion: '4' });
  });

  test('can be 5', () => {
    const { template } = settingsIn({ crossAccountVersion: 5 });
    template.hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, { CrossAccountVersion: '5' });
  });

  test('fails when it is neither 4 nor 5', () => {
    // A JavaScript caller, or a number read from a file, can hand over any number.
    const error = thrown(() => new DataLakeSettings(stack(), 'DataLakeSettings', { crossAccountVersion: 3 as 4 }));
    expect(error.message).toBe(
      "RetailDomainSales/DataLakeSettings: crossAccountVersion must be 4 or 5, got 3: lakemesh supports lake formation's cross-account data sharing versions 4 and 5; leave it out for 4 [LM300]",
    );
  });

  test('reports a bad version and an unknown deployment role at once', () => {
    const scope = stack({ synthesizer: new CliCredentialsStackSynthesizer() });
    const error = thrown(() => new DataLakeSettings(scope, 'DataLakeSettings', { crossAccountVersion: 6 as 5 }));
    expect(error.problems.map((problem) => problem.code)).toEqual(['LM300', 'LM301']);
  });
});

describe('the provider', () => {
  test('may only read and write the data lake settings', () => {
    const { template } = settingsIn();
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }],
      },
      Policies: [
        {
          PolicyName: 'Inline',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: Match.exact([
              {
                Effect: 'Allow',
                Action: ['lakeformation:GetDataLakeSettings', 'lakeformation:PutDataLakeSettings'],
                Resource: '*',
              },
            ]),
          },
        },
      ],
    });
  });

  test('is one Lambda function on a supported Node.js runtime', () => {
    const { template } = settingsIn();
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', { Runtime: 'nodejs24.x', Timeout: 300 });
  });

  test('serves the custom resource', () => {
    const { template } = settingsIn();
    const [functionId] = Object.keys(template.findResources('AWS::Lambda::Function'));
    template.hasResourceProperties(DATA_LAKE_SETTINGS_RESOURCE_TYPE, { ServiceToken: { 'Fn::GetAtt': [functionId, 'Arn'] } });
  });
});

describe('one per stack', () => {
  test('of returns the instance the stack already has', () => {
    const scope = stack();
    const settings = new DataLakeSettings(scope, 'Settings', { crossAccountVersion: 5 });
    const inner = new CfnResource(scope, 'Inner', { type: 'AWS::SQS::Queue' });
    expect(DataLakeSettings.of(inner)).toBe(settings);
  });

  test('of creates a default instance at the stack root when there is none', () => {
    const scope = stack();
    const settings = DataLakeSettings.of(new CfnResource(scope, 'Inner', { type: 'AWS::SQS::Queue' }));
    expect(settings.node.path).toBe(`RetailDomainSales/${DATA_LAKE_SETTINGS_ID}`);
    expect(settings.crossAccountVersion).toBe(DEFAULT_CROSS_ACCOUNT_VERSION);
    expect(DataLakeSettings.of(scope)).toBe(settings);
  });

  test('find returns nothing in a stack without one', () => {
    const app = new App();
    new DataLakeSettings(stack({}, app), 'DataLakeSettings');
    expect(DataLakeSettings.find(new Stack(app, 'Other', { env: ENV }))).toBeUndefined();
  });

  test('fails when a stack gets a second one', () => {
    const scope = stack();
    new DataLakeSettings(scope, 'DataLakeSettings');
    const error = thrown(() => new DataLakeSettings(scope, 'MoreSettings'));
    expect(error.message).toBe(
      'RetailDomainSales/MoreSettings: stack "RetailDomainSales" already has DataLakeSettings at "RetailDomainSales/DataLakeSettings": lake formation keeps one settings object per account, so a stack holds one; use DataLakeSettings.of(stack) to reach it [LM302]',
    );
  });
});

describe('dependencies', () => {
  function dependsOn(template: Template, id: string): string[] {
    return (template.toJSON().Resources[id].DependsOn as string[] | undefined) ?? [];
  }

  test('every Glue and Lake Formation resource of the stack waits for the settings', () => {
    const scope = stack();
    const settings = new DataLakeSettings(scope, 'DataLakeSettings');
    const database = new CfnResource(scope, 'Database', { type: 'AWS::Glue::Database' });
    const grant = new CfnResource(scope, 'Grant', { type: 'AWS::LakeFormation::PrincipalPermissions' });
    const template = Template.fromStack(scope);
    const settingsId = logicalId(settings.resource.node.defaultChild as CfnElement);
    expect(dependsOn(template, logicalId(database))).toEqual([settingsId]);
    expect(dependsOn(template, logicalId(grant))).toEqual([settingsId]);
  });

  test('applies to resources added after the settings too', () => {
    const scope = stack();
    const table = new CfnResource(scope, 'Table', { type: 'AWS::Glue::Table' });
    const settings = new DataLakeSettings(scope, 'DataLakeSettings');
    const template = Template.fromStack(scope);
    expect(dependsOn(template, logicalId(table))).toEqual([logicalId(settings.resource.node.defaultChild as CfnElement)]);
  });

  test('leaves other resources alone', () => {
    const scope = stack();
    new DataLakeSettings(scope, 'DataLakeSettings');
    const queue = new CfnResource(scope, 'Queue', { type: 'AWS::SQS::Queue' });
    expect(dependsOn(Template.fromStack(scope), logicalId(queue))).toEqual([]);
  });

  test('leaves Glue resources of other stacks alone', () => {
    const app = new App();
    new DataLakeSettings(stack({}, app), 'DataLakeSettings');
    const other = new Stack(app, 'Other', { env: ENV, synthesizer: new CliCredentialsStackSynthesizer() });
    const database = new CfnResource(other, 'Database', { type: 'AWS::Glue::Database' });
    expect(dependsOn(Template.fromStack(other), logicalId(database))).toEqual([]);
  });
});
