/**
 * `lakemesh audit`'s engine: reads a synthesized cloud assembly and answers "who can read what,
 * under which contract" from the templates alone, never from `mesh.yaml`.
 */
import { buildRows } from './access-rows';
import { CatalogIndex } from './catalog-index';
import { AssemblyStack, readCloudAssembly } from './cloud-assembly';
import { compareFindings, legacyPermissionsFinding, resourceFindings, rowFindings } from './findings';
import { readGrant } from './grant-reader';
import { AuditReport } from './model';
import { buildProducts } from './products';
import { templateResources } from './template-resources';

export interface AuditOptions {
  /**
   * The date expiry is judged against, ISO `YYYY-MM-DD`.
   * @default - today's date in UTC
   */
  readonly today?: string;
}

/** Audits the cloud assembly in `directory`; throws `LakemeshError` (LM600–LM603) when it cannot be read. */
export function auditCloudAssembly(directory: string, options: AuditOptions = {}): AuditReport {
  return auditStacks(readCloudAssembly(directory), options);
}

/** Audits stacks already read (tests build them from objects). */
export function auditStacks(stacks: readonly AssemblyStack[], options: AuditOptions = {}): AuditReport {
  const today = options.today ?? isoDay(new Date());
  const resources = templateResources(stacks);
  const index = new CatalogIndex(resources);
  const grants = resources
    .filter((resource) => resource.type === 'AWS::LakeFormation::PrincipalPermissions')
    .map((resource) => readGrant(resource, index));
  const rows = buildRows(grants);
  const findings = [
    ...grants.flatMap(resourceFindings),
    ...resources.filter((resource) => resource.type === 'AWS::LakeFormation::Permissions').map(legacyPermissionsFinding),
    ...rows.flatMap((row) => rowFindings(row, today)),
  ].sort(compareFindings);
  return {
    rows: rows.map((row) => row.row),
    findings,
    products: buildProducts(index),
    stacks: [...new Set(stacks.map((stack) => stack.stackName))].sort(),
    today,
  };
}

/** True when a finding is an error: `lakemesh audit` then exits 1. */
export function hasErrors(report: Pick<AuditReport, 'findings'>): boolean {
  return report.findings.some((finding) => finding.severity === 'error');
}

/** `YYYY-MM-DD` of a date, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
