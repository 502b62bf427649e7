/**
 * `lakemesh drift`'s engine: the intended Lake Formation state from a synthesized cloud assembly,
 * the live state of every account it names, and the differences between them.
 */
import { AssemblyStack, readCloudAssembly } from '../audit/cloud-assembly';
import { LakemeshError } from '../errors';
import { AccountClientsFactory } from './account-clients';
import { AccountReader } from './account-reader';
import { compareText } from './catalog-objects';
import { DRIFT_CODES } from './codes';
import { compareCatalog } from './compare-catalog';
import { compareGrants } from './compare-grants';
import { readIntendedState } from './intended-state';
import { readLiveAccount, DEFAULT_CONCURRENCY } from './live-state';
import { AccountDrift, DriftItem, DriftReport, IntendedAccount } from './model';
import { Clock, DEFAULT_RETRY_POLICY, RetryPolicy, SYSTEM_CLOCK } from './retry';

export interface DriftOptions {
  /** Creates the clients of each account (the CLI assumes a role; tests inject mocks). */
  readonly clients: AccountClientsFactory;
  /** @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
  /** @default SYSTEM_CLOCK */
  readonly clock?: Clock;
  /** Calls in flight per account. @default DEFAULT_CONCURRENCY */
  readonly concurrency?: number;
}

/** Drift of the cloud assembly in `directory`; throws `LakemeshError` (LM600–LM603, LM620–LM627). */
export async function driftCloudAssembly(directory: string, options: DriftOptions): Promise<DriftReport> {
  return detectDrift(readCloudAssembly(directory), options, directory);
}

/** Drift of stacks already read. Accounts are read one after another, in account order. */
export async function detectDrift(stacks: readonly AssemblyStack[], options: DriftOptions, where = 'the cloud assembly'): Promise<DriftReport> {
  const intended = readIntendedState(stacks);
  if (intended.length === 0) {
    throw LakemeshError.of(
      DRIFT_CODES.nothingToCompare,
      `${where} holds no lake formation grants, data cells filters, lf-tags, data lake settings or glue databases, so drift has nothing to compare; point --cdk-out at the assembly of the mesh (run \`npx cdk synth\` first)`,
    );
  }
  const accounts: AccountDrift[] = [];
  for (const account of intended) accounts.push(await driftOfAccount(account, options));
  return { accounts };
}

async function driftOfAccount(intended: IntendedAccount, options: DriftOptions): Promise<AccountDrift> {
  const clients = await options.clients(intended.account, intended.region);
  const reader = new AccountReader(intended.account, intended.region, clients, {
    retryPolicy: options.retryPolicy ?? DEFAULT_RETRY_POLICY,
    clock: options.clock ?? SYSTEM_CLOCK,
  });
  const live = await readLiveAccount(intended, reader, options.concurrency ?? DEFAULT_CONCURRENCY);
  const drift = [...compareGrants(intended, live), ...compareCatalog(intended, live)].sort(compareItems);
  const info: DriftItem[] = intended.notCompared
    .map((note) => ({ code: note.code, kind: 'info' as const, principal: null, resource: `${note.source.stack}/${note.source.logicalId}`, message: note.message, intended: null, live: null, sources: [note.source] }))
    .sort(compareItems);
  return {
    account: intended.account,
    region: intended.region,
    credentials: clients.credentials,
    stacks: intended.stacks,
    grantsCompared: intended.grants.length,
    items: [...drift, ...info],
  };
}

function compareItems(a: DriftItem, b: DriftItem): number {
  return compareText(a.resource, b.resource) || compareText(a.principal ?? '', b.principal ?? '') || compareText(a.code, b.code) || compareText(a.message, b.message);
}
