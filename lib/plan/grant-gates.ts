/**
 * Whether a contract may be granted to a consumer at all (DESIGN.md §3.1): its status, and the
 * grant's expiry. Pure; `today` is passed in so that synth is reproducible in tests.
 */
import { DataContract, UNSHARED_STATUSES } from '../contract/model';
import { Problem } from '../errors';
import { GRANT_CODES } from './grant-codes';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface GrantGateOptions {
  /** ISO date `YYYY-MM-DD` after which the grant no longer holds. @default - no expiry */
  readonly expires?: string;
  /** ISO date `YYYY-MM-DD` to judge expiry against. */
  readonly today: string;
  /**
   * The grant existed before the contract was deprecated (the contract lock records it), so it stays.
   * @default false - a deprecated contract accepts no new grants
   */
  readonly allowDeprecated?: boolean;
}

/** Problems that stop `contract` from being granted (codes LM390–LM394). */
export function grantGateProblems(contract: DataContract, options: GrantGateOptions): Problem[] {
  const problems: Problem[] = [];
  const status = contract.status.toLowerCase();
  const named = `contract "${contract.id}" v${contract.version}`;
  if (status === 'retired') {
    problems.push({
      code: GRANT_CODES.contractRetired,
      path: 'status',
      message: `${named} is retired and can no longer be granted: remove the grant (and the product)`,
    });
  } else if (UNSHARED_STATUSES.includes(status)) {
    problems.push({
      code: GRANT_CODES.contractNotShared,
      path: 'status',
      message: `${named} has status "${contract.status}"; draft and proposed products are not shared across accounts: set the status to active before granting`,
    });
  } else if (status === 'deprecated' && options.allowDeprecated !== true) {
    problems.push({
      code: GRANT_CODES.contractDeprecated,
      path: 'status',
      message: `${named} is deprecated and accepts no new grants: grant its successor instead, or remove the grant (a grant made before the deprecation stays with allowDeprecated: true)`,
    });
  }
  const todayProblem = dateProblem(options.today, 'today');
  if (todayProblem) problems.push(todayProblem);
  if (options.expires !== undefined) {
    const expiresProblem = dateProblem(options.expires, 'expires');
    if (expiresProblem) {
      problems.push(expiresProblem);
    } else if (!todayProblem && options.expires < options.today) {
      problems.push({
        code: GRANT_CODES.grantExpired,
        path: 'expires',
        message: `the grant expired on ${options.expires} (today is ${options.today}): renew it with a later expires date, or remove it`,
      });
    }
  }
  return problems;
}

/** Today's date in UTC as `YYYY-MM-DD`. */
export function isoDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function dateProblem(value: string, field: string): Problem | undefined {
  if (isCalendarDate(value)) return undefined;
  return {
    code: GRANT_CODES.invalidDate,
    path: field,
    message: `${field} "${value}" is not a calendar date in the form YYYY-MM-DD; write e.g. 2027-06-30`,
  };
}

function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
