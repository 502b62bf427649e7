/**
 * The JSON report (`--format json`), documented in docs/drift-json.md. Its shape is API: fields
 * are added, never renamed or removed, without raising `DRIFT_JSON_VERSION`.
 */
import { DriftReport, hasDrift } from './model';

export const DRIFT_JSON_VERSION = 1;

export function driftAsJson(report: DriftReport): unknown {
  const isDrift = (kind: string) => kind !== 'info';
  return {
    version: DRIFT_JSON_VERSION,
    drift: hasDrift(report),
    summary: {
      accounts: report.accounts.length,
      accountsWithDrift: report.accounts.filter((account) => account.items.some((item) => isDrift(item.kind))).length,
      driftItems: report.accounts.reduce((count, account) => count + account.items.filter((item) => isDrift(item.kind)).length, 0),
      infoItems: report.accounts.reduce((count, account) => count + account.items.filter((item) => !isDrift(item.kind)).length, 0),
      grantsCompared: report.accounts.reduce((count, account) => count + account.grantsCompared, 0),
    },
    accounts: report.accounts.map((account) => ({
      account: account.account,
      region: account.region,
      credentials: account.credentials,
      stacks: [...account.stacks],
      grantsCompared: account.grantsCompared,
      drift: account.items.some((item) => isDrift(item.kind)),
      items: account.items.map((item) => ({
        code: item.code,
        kind: item.kind,
        principal: item.principal,
        resource: item.resource,
        message: item.message,
        intended: item.intended,
        live: item.live,
        sources: item.sources.map((source) => ({ stack: source.stack, logicalId: source.logicalId })),
      })),
    })),
  };
}
