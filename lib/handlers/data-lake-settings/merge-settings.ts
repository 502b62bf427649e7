/**
 * Pure edits of a `DataLakeSettings` object. `PutDataLakeSettings` replaces the whole object, so
 * every edit starts from what `GetDataLakeSettings` returned and changes only the fields lakemesh
 * owns; everything else (read-only admins, trusted owners, external filtering, session tags, other
 * parameters) is passed back exactly as it came.
 */
import type { DataLakePrincipal, DataLakeSettings } from '@aws-sdk/client-lakeformation';
import type { CrossAccountVersionParameter } from './properties';

/** The `Parameters` key Lake Formation reads its cross-account grant protocol version from. */
export const CROSS_ACCOUNT_VERSION_PARAMETER = 'CROSS_ACCOUNT_VERSION';

export interface AdminChange {
  /** Principal ARNs to make admins; ones already listed are left where they are. */
  readonly add: readonly string[];
  /** Principal ARNs to drop from the admin list, if listed. */
  readonly remove: readonly string[];
}

export interface SettingsEdit {
  readonly settings: DataLakeSettings;
  /** False when the edit changes nothing, so that no `PutDataLakeSettings` call is needed. */
  readonly changed: boolean;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export function adminIdentifiers(settings: DataLakeSettings): string[] {
  return (settings.DataLakeAdmins ?? [])
    .map((principal) => principal.DataLakePrincipalIdentifier)
    .filter((id): id is string => id !== undefined);
}

/**
 * Adds and removes admins, keeping the order (and the objects) of the admins already listed.
 * A principal both added and removed stays: adding wins, because someone still wants it.
 */
export function editAdmins(current: DataLakeSettings, change: AdminChange): SettingsEdit {
  const wanted = new Set(change.add);
  const dropping = new Set(change.remove.filter((arn) => !wanted.has(arn)));
  const existing = current.DataLakeAdmins ?? [];
  const listed = new Set(adminIdentifiers(current));
  const kept = existing.filter((principal) => !dropping.has(principal.DataLakePrincipalIdentifier ?? ''));
  const removed = [...dropping].filter((arn) => listed.has(arn));
  const added = [...wanted].filter((arn) => !listed.has(arn));
  const appended: DataLakePrincipal[] = added.map((arn) => ({ DataLakePrincipalIdentifier: arn }));
  const changed = added.length > 0 || removed.length > 0;
  const settings = changed ? { ...current, DataLakeAdmins: [...kept, ...appended] } : current;
  return { settings, changed, added, removed };
}

/**
 * Clears the database and table default permissions (so that `IAMAllowedPrincipals` gets nothing on
 * new databases and tables) and sets the cross-account version, keeping every other parameter.
 */
export function enforceLakeFormationOnly(current: DataLakeSettings, version: CrossAccountVersionParameter): SettingsEdit {
  // An absent list is treated as "not cleared": a Put costs little, a default left in place does not.
  const defaultsCleared =
    isEmptyList(current.CreateDatabaseDefaultPermissions) && isEmptyList(current.CreateTableDefaultPermissions);
  const versionSet = current.Parameters?.[CROSS_ACCOUNT_VERSION_PARAMETER] === version;
  if (defaultsCleared && versionSet) return { settings: current, changed: false, added: [], removed: [] };
  return {
    settings: {
      ...current,
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [],
      Parameters: { ...current.Parameters, [CROSS_ACCOUNT_VERSION_PARAMETER]: version },
    },
    changed: true,
    added: [],
    removed: [],
  };
}

/** Applies `second` on top of `first`'s result, as one edit. */
export function combineEdits(first: SettingsEdit, second: (settings: DataLakeSettings) => SettingsEdit): SettingsEdit {
  const next = second(first.settings);
  return {
    settings: next.settings,
    changed: first.changed || next.changed,
    added: [...first.added, ...next.added],
    removed: [...first.removed, ...next.removed],
  };
}

function isEmptyList(list: readonly unknown[] | undefined): boolean {
  return list !== undefined && list.length === 0;
}
