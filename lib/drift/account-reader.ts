/**
 * One account's AWS calls, each retried on throttling (`withRetries`) and each failure turned into
 * a message naming the call, account and identity (`awsFailure`). Pagination follows `NextToken`
 * to the end; "not found" is an answer, not a failure.
 */
import { awsFailure, isNotFound } from './aws-errors';
import { AccountClients } from './account-clients';
import { Clock, RetryPolicy, withRetries } from './retry';

export interface ReaderOptions {
  readonly retryPolicy: RetryPolicy;
  readonly clock: Clock;
}

/** A page of results and the token of the next one. */
export interface Page<T> {
  readonly items: readonly T[] | undefined;
  readonly nextToken: string | undefined;
}

/** Stops a pagination that never ends (tokens that cycle); a repeated token stops it at once. */
export const MAX_PAGES = 10_000;

export class AccountReader {
  constructor(
    readonly account: string,
    readonly region: string,
    readonly clients: AccountClients,
    private readonly options: ReaderOptions,
  ) {}

  /** One call; rejects with a `LakemeshError` (LM621–LM625). */
  async call<T>(operation: string, send: () => Promise<T>): Promise<T> {
    const site = { operation, account: this.account, region: this.region, credentials: this.clients.credentials };
    try {
      return await withRetries(`${operation} in account ${this.account} (${this.region})`, send, this.options.retryPolicy, this.options.clock);
    } catch (error) {
      throw awsFailure(error, site);
    }
  }

  /** One call, or `undefined` when the object it reads does not exist (`EntityNotFoundException`). */
  async callUnlessNotFound<T>(operation: string, send: () => Promise<T>): Promise<T | undefined> {
    return this.call<T | undefined>(operation, async () => {
      try {
        return await send();
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    });
  }

  /** Every item of every page; `undefined` when the object listed does not exist. */
  async paginate<T>(operation: string, fetchPage: (nextToken: string | undefined) => Promise<Page<T>>): Promise<T[] | undefined> {
    const items: T[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await this.callUnlessNotFound(operation, () => fetchPage(nextToken));
      if (result === undefined) return undefined;
      items.push(...(result.items ?? []));
      if (!result.nextToken || result.nextToken === nextToken) return items;
      nextToken = result.nextToken;
    }
    return items;
  }
}
