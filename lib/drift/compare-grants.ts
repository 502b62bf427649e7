/**
 * Compares intended and live grants of one account, per (principal, catalog object):
 *
 * - missing: intended, not live; or live grants less (permissions, grant option, columns);
 * - extra: live, not intended (only on objects the templates manage: nothing else is listed);
 * - wider: live grants more (permissions, grant option, columns, a column wildcard for a list);
 * - `IAM_ALLOWED_PRINCIPALS` holding anything on a managed object.
 *
 * Grants of data lake admins (read-only ones too) are never extra or wider: Lake Formation lists
 * what admins and the creators of databases and tables (the deployment role, an admin) hold on
 * their own objects, and an admin can grant itself anything anyway.
 */
import { IAM_ALLOWED_PRINCIPALS } from '../nag/principals';
import { describeObject, grantKey, sortedUnique, tableKey } from './catalog-objects';
import { DRIFT_ITEM_CODES } from './codes';
import { compareScopes, describeDelta, describeScope, isEmptyDelta, scopeJson } from './column-scope';
import { DriftItem, Grant, IntendedAccount, LiveAccount } from './model';

/** The permission that includes every other on its object. */
const ALL = 'ALL';

export function compareGrants(intended: IntendedAccount, live: LiveAccount): DriftItem[] {
  const admins = new Set([...live.settings.admins, ...live.settings.readOnlyAdmins, ...(intended.settings?.admins ?? [])]);
  const liveByKey = new Map(live.grants.map((grant) => [grantKey(grant.principal, grant.object), grant]));
  const intendedKeys = new Set<string>();
  const columnsOf = tableColumnsLookup(intended);
  const items: DriftItem[] = [];

  for (const grant of intended.grants) {
    const key = grantKey(grant.principal, grant.object);
    intendedKeys.add(key);
    const current = liveByKey.get(key);
    if (current === undefined) {
      items.push(item(DRIFT_ITEM_CODES.missingGrant, 'missing', grant, intended.account, `intended ${describeGrant(grant)} is not granted`, grant, undefined));
      continue;
    }
    items.push(...differences(grant, current, intended.account, admins.has(grant.principal), columnsOf(grant)));
  }

  for (const grant of live.grants) {
    if (intendedKeys.has(grantKey(grant.principal, grant.object))) continue;
    if (grant.principal === IAM_ALLOWED_PRINCIPALS) {
      items.push(
        item(
          DRIFT_ITEM_CODES.iamAllowedPrincipals,
          'iamAllowedPrincipals',
          grant,
          intended.account,
          `IAM_ALLOWED_PRINCIPALS holds ${describeGrant(grant)}, so iam policies alone decide access to it; revoke it (lakemesh never grants it)`,
          undefined,
          grant,
        ),
      );
    } else if (!admins.has(grant.principal)) {
      items.push(item(DRIFT_ITEM_CODES.extraGrant, 'extra', grant, intended.account, `${describeGrant(grant)} is granted but no template intends it`, undefined, grant));
    }
  }
  return items;
}

/** `DESCRIBE, SELECT on all columns`, `DESCRIBE with grant option on DESCRIBE`. */
export function describeGrant(grant: Grant): string {
  const columns = grant.columns === undefined ? '' : ` on ${describeScope(grant.columns)}`;
  const option = grant.grantOption.length === 0 ? '' : ` with grant option on ${grant.grantOption.join(', ')}`;
  return `${grant.permissions.length === 0 ? 'no permission' : grant.permissions.join(', ')}${columns}${option}`;
}

export function grantJson(grant: Grant | undefined): unknown {
  if (grant === undefined) return null;
  return { permissions: [...grant.permissions], grantOption: [...grant.grantOption], columns: scopeJson(grant.columns) };
}

function differences(intended: Grant, live: Grant, account: string, isAdmin: boolean, tableColumns: readonly string[] | undefined): DriftItem[] {
  const lacking: string[] = [];
  const beyond: string[] = [];
  const lackingPermissions = notCovered(intended.permissions, live.permissions);
  const beyondPermissions = notCovered(live.permissions, intended.permissions);
  const lackingOption = notCovered(intended.grantOption, live.grantOption);
  const beyondOption = notCovered(live.grantOption, intended.grantOption);
  if (lackingPermissions.length > 0) lacking.push(lackingPermissions.join(', '));
  if (lackingOption.length > 0) lacking.push(`grant option on ${lackingOption.join(', ')}`);
  if (beyondPermissions.length > 0) beyond.push(beyondPermissions.join(', '));
  if (beyondOption.length > 0) beyond.push(`grant option on ${beyondOption.join(', ')}`);
  if (intended.columns !== undefined && live.columns !== undefined) {
    const columns = compareScopes(intended.columns, live.columns, tableColumns);
    if (!isEmptyDelta(columns.lacking)) lacking.push(`select on ${describeDelta(columns.lacking)}`);
    if (!isEmptyDelta(columns.beyond)) beyond.push(`select on ${describeDelta(columns.beyond)}`);
  }
  const items: DriftItem[] = [];
  if (lacking.length > 0) {
    items.push(item(DRIFT_ITEM_CODES.missingGrant, 'missing', intended, account, `lacks ${lacking.join('; ')} (intended ${describeGrant(intended)}, live ${describeGrant(live)})`, intended, live));
  }
  if (beyond.length > 0 && !isAdmin) {
    items.push(item(DRIFT_ITEM_CODES.widerGrant, 'wider', intended, account, `also has ${beyond.join('; ')} (intended ${describeGrant(intended)}, live ${describeGrant(live)})`, intended, live));
  }
  return items;
}

/** What `wanted` lists that `held` does not cover (`ALL` covers everything). */
function notCovered(wanted: readonly string[], held: readonly string[]): string[] {
  if (held.includes(ALL)) return [];
  return sortedUnique(wanted.filter((permission) => !held.includes(permission)));
}

function item(code: string, kind: DriftItem['kind'], grant: Grant, account: string, message: string, intended: Grant | undefined, live: Grant | undefined): DriftItem {
  return {
    code,
    kind,
    principal: grant.principal,
    resource: describeObject(grant.object, account),
    message,
    intended: grantJson(intended),
    live: grantJson(live),
    sources: intended?.sources ?? [],
  };
}

/** The columns the templates list for the table a grant is on. */
function tableColumnsLookup(intended: IntendedAccount): (grant: Grant) => readonly string[] | undefined {
  const byTable = new Map(intended.tables.map((table) => [tableKey(table.catalogId, table.database, table.table), table.columns]));
  return (grant) => (grant.object.type === 'table' ? byTable.get(tableKey(grant.object.catalogId, grant.object.database, grant.object.table)) : undefined);
}
