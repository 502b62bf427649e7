/** Builds domain stacks for the DataDomain and DataProduct tests. */
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DataDomain, DataDomainProps } from '../../../constructs/domain/data-domain';

export const DOMAIN_ACCOUNT = '222222222222';
export const GOVERNANCE_ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
export const BUCKET_NAME = `retail-sales-${DOMAIN_ACCOUNT}-${REGION}`;

export interface DomainFixture {
  readonly app: App;
  readonly stack: Stack;
  readonly domain: DataDomain;
}

/** A stack in the domain account holding a `sales` domain of mesh `retail`. */
export function domainFixture(props: Partial<DataDomainProps> = {}, stackProps: StackProps = { env: { account: DOMAIN_ACCOUNT, region: REGION } }): DomainFixture {
  const app = new App();
  const stack = new Stack(app, 'SalesDomain', stackProps);
  const domain = new DataDomain(stack, 'Domain', { meshName: 'retail', domainName: 'sales', ...props });
  return { app, stack, domain };
}

/** Logical ids of the resources of `type`. */
export function logicalIds(template: Template, type: string): string[] {
  return Object.keys(template.findResources(type)).sort();
}

/** The logical id of the one resource of `type` (fails unless there is exactly one). */
export function onlyLogicalId(template: Template, type: string): string {
  const ids = logicalIds(template, type);
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}`);
  return ids[0];
}
