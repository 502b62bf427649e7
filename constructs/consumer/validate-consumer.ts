/**
 * Synth-time checks of `MeshConsumer` props. Every problem is collected and thrown at once;
 * unresolved tokens are skipped (their value is only known at deploy time).
 */
import { Stack, Token } from 'aws-cdk-lib';
import { accountIdProblem, parseIamPrincipal, regionProblem } from '../../lib/config/aws-identifiers';
import { slugify } from '../../lib/contract/naming';
import { ProblemCollector } from '../../lib/errors';
import { CONSUMER_CODES } from './codes';
import { ConsumedProduct } from './consumed-product';

/** What Athena can query unquoted, and Glue's length limit. */
const DATABASE_NAME = /^[a-z0-9_]{1,255}$/;

export interface ConsumerInput {
  readonly principals: readonly string[];
  readonly products: readonly ConsumedProduct[];
}

export function validateConsumer(stack: Stack, input: ConsumerInput): void {
  const problems = new ProblemCollector();
  checkPrincipals(stack, input.principals, problems);
  checkProducts(stack, input.products, problems);
  problems.throwIfAny();
}

function checkPrincipals(stack: Stack, principals: readonly string[], problems: ProblemCollector): void {
  const account = Token.isUnresolved(stack.account) ? undefined : stack.account;
  if (principals.length === 0) {
    problems.add({
      code: CONSUMER_CODES.noPrincipals,
      path: 'principals',
      message: `needs at least one iam role or user arn${account ? ` of account ${account}` : ''}: list who in the consumer account queries the granted products`,
    });
  }
  principals.forEach((principal, index) => {
    if (Token.isUnresolved(principal)) return;
    const path = `principals[${index}]`;
    const parsed = parseIamPrincipal(principal);
    if (!parsed.ok) {
      problems.add({ code: CONSUMER_CODES.invalidPrincipal, path, message: parsed.reason });
    } else if (account !== undefined && parsed.principal.account !== account) {
      problems.add({
        code: CONSUMER_CODES.principalOfOtherAccount,
        path,
        message: `"${principal}" belongs to account ${parsed.principal.account}, but this consumer stack deploys to account ${account}, and its resource links serve only principals of its own account: list principals of account ${account}, or give account ${parsed.principal.account} its own consumer`,
      });
    }
  });
}

function checkProducts(stack: Stack, products: readonly ConsumedProduct[], problems: ProblemCollector): void {
  const firstIndexByName = new Map<string, number>();
  products.forEach((product, index) => {
    const path = `products[${index}]`;
    if (!Token.isUnresolved(product.catalogId)) {
      const reason = accountIdProblem(product.catalogId);
      if (reason) problems.add({ code: CONSUMER_CODES.invalidCatalogId, path: `${path}.catalogId`, message: reason });
    }
    if (product.region !== undefined && !Token.isUnresolved(product.region)) {
      const reason = regionProblem(product.region);
      if (reason) {
        problems.add({ code: CONSUMER_CODES.invalidRegion, path: `${path}.region`, message: `${reason}; leave region out for a database in the stack's region` });
      }
    }
    if (product.grants.length === 0) {
      problems.add({
        code: CONSUMER_CODES.noGrants,
        path: `${path}.grants`,
        message: `product ${product.product} lists no grants: a resource link exists for the grants it serves, and its audit record names them; list the grants (role, purpose, requestedBy, approvedBy) or remove the product`,
      });
    }
    checkDatabaseName(stack, product, path, index, firstIndexByName, problems);
  });
}

function checkDatabaseName(
  stack: Stack,
  product: ConsumedProduct,
  path: string,
  index: number,
  firstIndexByName: Map<string, number>,
  problems: ProblemCollector,
): void {
  const name = product.databaseName;
  if (!Token.isUnresolved(name) && !DATABASE_NAME.test(name)) {
    const suggestion = slugify(name).slice(0, 255);
    problems.add({
      code: CONSUMER_CODES.invalidDatabaseName,
      path: `${path}.databaseName`,
      message: `"${name}" is not a database name athena can query: use 1 to 255 lowercase letters, digits and underscores${suggestion ? `, e.g. "${suggestion}"` : ''}`,
    });
  }
  const identity = Token.isUnresolved(name) ? JSON.stringify(stack.resolve(name)) : name;
  const first = firstIndexByName.get(identity);
  if (first === undefined) {
    firstIndexByName.set(identity, index);
    return;
  }
  problems.add({
    code: CONSUMER_CODES.duplicateDatabase,
    path: `${path}.databaseName`,
    message: `database "${name}" is already linked by products[${first}]: one resource link per database name; list each product once, with all of its grants`,
  });
}
