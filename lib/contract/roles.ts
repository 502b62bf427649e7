/** `roles[]` → the menu of access profiles a grant may name. */
import { ContractRole, ContractTable } from './model';
import { CONTRACT_CODES } from './codes';
import { ContractContext } from './context';
import { roleSettings } from './lakemesh-properties';
import { ACTED_ON_KEYS, ODCS_KEYS, OdcsRole } from './odcs-schema';

/** ODCS v3 made `access` optional; lakemesh then assumes the narrower of read and write. */
export const DEFAULT_ROLE_ACCESS = 'read';

export function contractRoles(
  ctx: ContractContext,
  roles: readonly OdcsRole[],
  tables: readonly ContractTable[],
): ContractRole[] {
  const roleAt = new Map<string, number>();
  return roles.map((role, index) => {
    const path = ['roles', index];
    ctx.checkNearMisses(role, path, ACTED_ON_KEYS.role, ODCS_KEYS.role);
    const earlier = roleAt.get(role.role);
    if (earlier !== undefined) {
      ctx.report(
        CONTRACT_CODES.duplicateRole,
        [...path, 'role'],
        `role "${role.role}" is defined twice (also at roles[${earlier}]); role names must be unique because grants refer to them`,
      );
    }
    roleAt.set(role.role, index);
    const settings = roleSettings(ctx, role.customProperties, path, role.role, tables);
    return {
      name: role.role,
      access: role.access ?? DEFAULT_ROLE_ACCESS,
      description: role.description,
      excludeColumns: settings.excludeColumns,
      includeColumns: settings.includeColumns,
      rowFilter: settings.rowFilter,
      location: ctx.locate(path),
    };
  });
}
