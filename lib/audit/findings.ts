/**
 * What the audit flags. Resource findings judge one grant resource as it stands in its template
 * (principal, metadata, grant option, filter); row findings judge what a principal ends up with
 * (expiry, restricted columns). Messages are lower-case, name the grant and say what to do.
 */
import { PrincipalKind } from '../nag/principals';
import { MatrixRow } from './access-rows';
import { EXPIRY_WARNING_DAYS, FINDING_CODES } from './codes';
import { ReadGrantMetadata } from './grant-metadata-reader';
import { GrantResource } from './grant-reader';
import { AuditFinding, AuditRow, Severity, SEVERITIES } from './model';
import { TemplateResource } from './template-resources';

const WIDE_PRINCIPALS: ReadonlyMap<PrincipalKind, string> = new Map([
  [PrincipalKind.EVERYONE, 'everyone ("*")'],
  [PrincipalKind.ACCOUNT, 'a whole account'],
  [PrincipalKind.ORGANIZATION, 'a whole organization'],
]);

const DAY_MS = 24 * 60 * 60 * 1000;

export function resourceFindings(grant: GrantResource): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const add = (severity: Severity, code: string, message: string) => findings.push(finding(grant.resource, severity, code, message));
  const grantText = `grant of ${grant.permissions.join(', ') || 'no permissions'} on ${grant.target} to "${grant.principal}"`;
  const wide = WIDE_PRINCIPALS.get(grant.principalKind);
  if (grant.principalKind === PrincipalKind.IAM_ALLOWED_PRINCIPALS) {
    add(
      'error',
      FINDING_CODES.iamAllowedPrincipals,
      `${grantText} hands access control back to IAM, which makes every lake formation grant on it meaningless; remove the grant and let consumers in through contract grants`,
    );
  } else if (wide !== undefined) {
    add(
      'error',
      FINDING_CODES.wildcardPrincipal,
      `${grantText} reaches ${wide}, so every current and future principal there can read outside any contract; grant the consumer's named iam roles instead`,
    );
  }
  const isConsumerGrant = grant.metadata !== undefined || grant.crossAccount;
  if (grant.metadata === undefined && grant.crossAccount) {
    const account = grant.resource.stack.account ? `account ${grant.resource.stack.account}` : 'an environment-agnostic stack';
    add(
      'error',
      FINDING_CODES.grantWithoutContract,
      `${grantText} crosses from ${account} to another account but has no lakemesh:grant metadata, so no contract, purpose or approver backs it; make cross-account grants through ContractGrant or a mesh.yaml grant`,
    );
  }
  const missing = grant.metadata && grant.crossAccount ? missingAuditFields(grant.metadata) : [];
  if (missing.length > 0) {
    add(
      'error',
      FINDING_CODES.grantWithoutContract,
      `${grantText} crosses to another account but its lakemesh:grant metadata has no ${missing.join(', ')}, so the audit trail is incomplete; make cross-account grants through ContractGrant or a mesh.yaml grant`,
    );
  }
  if (isConsumerGrant && grant.grantOption.length > 0) {
    add(
      'error',
      FINDING_CODES.grantOption,
      `${grantText} gives the grant option (${grant.grantOption.join(', ')}), so the consumer can pass the data on outside any contract; keep PermissionsWithGrantOption empty`,
    );
  }
  if (grant.missingFilter !== undefined) {
    add(
      'warning',
      FINDING_CODES.filterNotFound,
      `${grantText} names data cells filter "${grant.missingFilter}", which no AWS::LakeFormation::DataCellsFilter of stack ${grant.resource.stack.stackName} defines, so its columns and rows are taken from the grant metadata; define the filter in the same stack`,
    );
  }
  if (grant.notExpanded !== undefined) {
    add(
      'info',
      FINDING_CODES.notExpanded,
      `${grantText} is not shown in the access matrix: the audit does not expand ${grant.notExpanded} grants into tables; lakemesh makes named-resource grants only`,
    );
  }
  return findings;
}

/** The audit fields a cross-account grant must fill (as the `GrantHasContractMetadata` nag rule requires). */
function missingAuditFields(metadata: ReadGrantMetadata): string[] {
  const texts: [string, string | undefined][] = [
    ['contractId', metadata.contractId],
    ['contractVersion', metadata.contractVersion],
  ];
  const lists: [string, readonly string[]][] = [
    ['roles', metadata.roles],
    ['purposes', metadata.purposes],
    ['approvedBy', metadata.approvedBy],
  ];
  return [
    ...texts.filter(([, value]) => value === undefined || value.trim() === '').map(([name]) => name),
    ...lists.filter(([, values]) => values.length === 0 || values.some((value) => value.trim() === '')).map(([name]) => name),
  ];
}

/** A legacy `AWS::LakeFormation::Permissions` resource: its grant is not read into the matrix. */
export function legacyPermissionsFinding(resource: TemplateResource): AuditFinding {
  return finding(
    resource,
    'warning',
    FINDING_CODES.legacyPermissions,
    `legacy AWS::LakeFormation::Permissions resource is not read into the access matrix; replace it with AWS::LakeFormation::PrincipalPermissions (what lakemesh writes), which also records the catalog it grants in`,
  );
}

/** Expiry and restricted-column findings of a matrix row; `today` is an ISO date. */
export function rowFindings(matrixRow: MatrixRow, today: string): AuditFinding[] {
  const { row } = matrixRow;
  const findings: AuditFinding[] = [];
  const add = (severity: Severity, code: string, message: string) =>
    findings.push({ severity, code, message, stack: row.stack, logicalId: row.logicalId });
  const subject = `grant of ${describeRow(row)} to "${row.principal}"`;
  const days = row.expires === null ? undefined : daysBetween(today, row.expires);
  if (days !== undefined && days < 0) {
    add(
      'error',
      FINDING_CODES.grantExpired,
      `${subject} expired on ${row.expires} (${plural(-days, 'day')} ago) and is still in the templates; remove it from mesh.yaml, or renew it with a new expiry and approval, and synth again`,
    );
  } else if (days !== undefined && days <= EXPIRY_WARNING_DAYS) {
    const when = days === 0 ? 'today' : `in ${plural(days, 'day')}`;
    add(
      'warning',
      FINDING_CODES.grantExpiresSoon,
      `${subject} expires on ${row.expires} (${when}); renew it with a new expiry and approval in mesh.yaml, or let it lapse`,
    );
  }
  const restricted = new Set(matrixRow.restrictedColumns.map((column) => column.toLowerCase()));
  const included = new Set(matrixRow.includeColumns.map((column) => column.toLowerCase()));
  const exposed = row.columns.filter((column) => restricted.has(column.toLowerCase()));
  const notIncluded = exposed.filter((column) => !included.has(column.toLowerCase()));
  const roles = matrixRow.roles.length > 0 ? matrixRow.roles.join(', ') : '(none)';
  if (notIncluded.length > 0) {
    add(
      'error',
      FINDING_CODES.restrictedColumnsGranted,
      `${subject} exposes restricted ${columnsText(notIncluded)}, which its roles (${roles}) do not list in lakemesh.includeColumns; withhold the columns, or add them to the role's lakemesh.includeColumns in the contract`,
    );
  }
  const covered = exposed.filter((column) => included.has(column.toLowerCase()));
  if (covered.length > 0) {
    add(
      'info',
      FINDING_CODES.restrictedColumnsIncluded,
      `${subject} exposes restricted ${columnsText(covered)} through lakemesh.includeColumns of its roles (${roles})`,
    );
  }
  return findings;
}

/** Errors first, then code, stack, logical id and message. */
export function compareFindings(a: AuditFinding, b: AuditFinding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.code, b.code) ||
    compareText(a.stack, b.stack) ||
    compareText(a.logicalId, b.logicalId) ||
    compareText(a.message, b.message)
  );
}

/** `sales.orders table orders`, `sales.orders (database)`, `database x (no product)`. */
export function describeRow(row: AuditRow): string {
  const product = row.product ?? `database ${row.database} (no product)`;
  return row.table === null ? `${product} (database)` : `${product} table ${row.table}`;
}

/** Whole days from `from` to `to` (ISO `YYYY-MM-DD` dates); undefined when either is not a real date. */
export function daysBetween(from: string, to: string): number | undefined {
  const start = isoDateMs(from);
  const end = isoDateMs(to);
  return start === undefined || end === undefined ? undefined : Math.round((end - start) / DAY_MS);
}

function isoDateMs(date: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; a real date reads back the same.
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date ? undefined : ms;
}

function finding(resource: TemplateResource, severity: Severity, code: string, message: string): AuditFinding {
  return { severity, code, message, stack: resource.stack.stackName, logicalId: resource.logicalId };
}

function columnsText(columns: readonly string[]): string {
  return `${columns.length === 1 ? 'column' : 'columns'} ${columns.join(', ')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
