/** Checks `consumers` in mesh.yaml: names, accounts and the principals that receive access. */
import { consumerStackName } from '../stacks/stack-names';
import { CheckContext } from './check-context';
import { MeshIdentity } from './check-domains';
import { MESH_CODES } from './codes';
import { ConsumerInput, Indexed, UncheckedNames } from './mesh-schema';
import { ConsumerConfig, GovernanceConfig } from './model';
import { checkName, compare, NameRegistry } from './names';
import { isName, MAX_STACK_NAME_LENGTH } from './naming';

/** Returns the checked consumers, sorted by name; those left out (invalid account) are added to `unchecked`. */
export function checkConsumers(
  entries: readonly Indexed<ConsumerInput>[],
  mesh: MeshIdentity,
  governance: GovernanceConfig | undefined,
  unchecked: UncheckedNames,
  ctx: CheckContext,
): ConsumerConfig[] {
  const names = new NameRegistry('consumer', ctx);
  const consumers: ConsumerConfig[] = [];
  for (const { index, value } of entries) {
    const at = ['consumers', index];
    if (checkName(value.name, [...at, 'name'], 'consumer', ctx)) {
      names.claim(value.name, [...at, 'name']);
      checkStackName(mesh, value.name, [...at, 'name'], ctx);
    }
    const account = ctx.account(value.account, [...at, 'account']);
    if (account !== undefined && account === governance?.account) {
      ctx.report(
        MESH_CODES.sameAccountConsumer,
        [...at, 'account'],
        `consumer "${value.name}" is in the governance account ${account}; consumers must be other accounts (principals of the governance account are granted by its Lake Formation admins)`,
      );
    }
    if (value.principals.length === 0) {
      ctx.report(MESH_CODES.noPrincipals, [...at, 'principals'], `consumer "${value.name}" lists no principals; add the IAM role ARNs that will query the data`);
    }
    const principals = ctx.principals(value.principals, [...at, 'principals'], {
      account,
      description: `consumer "${value.name}"`,
      region: mesh.region,
    });
    if (account === undefined) {
      unchecked.add(value.name);
      continue;
    }
    consumers.push({ name: value.name, account, principals, location: ctx.source.locate(at) });
  }
  return consumers.sort((a, b) => compare(a.name, b.name));
}

/** The consumer's stack name must fit CloudFormation, or synth fails after validation passed. */
function checkStackName(mesh: MeshIdentity, consumer: string, at: readonly (string | number)[], ctx: CheckContext): void {
  if (mesh.name === undefined || !isName(mesh.name)) return;
  const stackName = consumerStackName(mesh.name, consumer);
  if (stackName.length <= MAX_STACK_NAME_LENGTH) return;
  ctx.report(
    MESH_CODES.stackNameTooLong,
    at,
    `the consumer stack name "${stackName.slice(0, 40)}…" is ${stackName.length} characters, more than the ${MAX_STACK_NAME_LENGTH} CloudFormation allows; shorten the consumer name by ${stackName.length - MAX_STACK_NAME_LENGTH} characters`,
  );
}
