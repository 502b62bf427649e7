/**
 * The text report: per account a heading, then one line per item (kind, resource, principal,
 * what differs, code), then a summary line.
 *
 *     account 111111111111 (eu-west-1) as arn:aws:iam::111111111111:role/lakemesh-drift-reader: 1 drift item, 4 grants compared
 *       missing  table sales_orders.orders: arn:aws:iam::444444444444:role/analyst: intended SELECT on all columns is not granted [LMD01]
 *     drift: 1 item in 1 of 2 accounts
 */
import { plural } from '../cli/report-problems';
import { AccountDrift, DriftItem, DriftReport } from './model';

const KIND_LABELS: Readonly<Record<DriftItem['kind'], string>> = {
  missing: 'missing',
  extra: 'extra',
  wider: 'wider',
  changed: 'changed',
  iamAllowedPrincipals: 'iam-allowed',
  info: 'info',
};

const LABEL_WIDTH = Math.max(...Object.values(KIND_LABELS).map((label) => label.length));

export function driftAsText(report: DriftReport): string {
  const lines: string[] = [];
  for (const account of report.accounts) {
    lines.push(heading(account));
    for (const item of account.items) lines.push(`  ${itemLine(item)}`);
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

export function itemLine(item: DriftItem): string {
  const principal = item.principal === null ? '' : `${item.principal}: `;
  return `${KIND_LABELS[item.kind].padEnd(LABEL_WIDTH)}  ${item.resource}: ${principal}${item.message} [${item.code}]`;
}

function heading(account: AccountDrift): string {
  const drift = driftItems(account);
  const info = account.items.length - drift;
  const counts = [drift === 0 ? 'no drift' : plural(drift, 'drift item'), ...(info > 0 ? [`${info} not compared`] : []), `${plural(account.grantsCompared, 'grant')} compared`];
  return `account ${account.account} (${account.region}) as ${account.credentials}: ${counts.join(', ')}`;
}

function summaryLine(report: DriftReport): string {
  const drifted = report.accounts.filter((account) => driftItems(account) > 0);
  const items = drifted.reduce((count, account) => count + driftItems(account), 0);
  if (items === 0) {
    const grants = report.accounts.reduce((count, account) => count + account.grantsCompared, 0);
    return `no drift: ${plural(report.accounts.length, 'account')}, ${plural(grants, 'grant')} compared`;
  }
  return `drift: ${plural(items, 'item')} in ${drifted.length} of ${plural(report.accounts.length, 'account')}`;
}

function driftItems(account: AccountDrift): number {
  return account.items.filter((item) => item.kind !== 'info').length;
}
