/**
 * The intended Lake Formation state, per account and region, read from the synthesized templates
 * alone. Grants for the same (principal, object) pair add up, as they do in Lake Formation.
 */
import { AssemblyStack } from '../audit/cloud-assembly';
import { TemplateResource, templateResources } from '../audit/template-resources';
import { LakemeshError, Problem } from '../errors';
import { CfnObject, isCfnObject } from '../nag/cfn-values';
import { compareText, databaseKey, grantKey, sortedUnique, tableKey } from './catalog-objects';
import { DRIFT_CODES } from './codes';
import { unionScopes } from './column-scope';
import {
  DATA_LAKE_SETTINGS_TYPE,
  Reading,
  readIntendedFilter,
  readIntendedSettings,
  readIntendedTag,
  readIntendedTagAssociation,
  sourceOf,
} from './intended-catalog';
import { catalogIdOf, readIntendedGrant } from './intended-grants';
import { ALL_TABLES, CatalogObject, FilterDefinition, Grant, IntendedAccount, ManagedDatabase, ManagedTable, NotCompared, TagAssignment, TagDefinition, TemplateSource } from './model';
import { ResolveContext, resolveText, resolveTexts } from './resolve-value';

/** Resource types drift reads; a stack holding any of them needs an account and region. */
export const DRIFT_RESOURCE_TYPES: readonly string[] = [
  'AWS::LakeFormation::PrincipalPermissions',
  'AWS::LakeFormation::DataCellsFilter',
  'AWS::LakeFormation::Tag',
  'AWS::LakeFormation::TagAssociation',
  DATA_LAKE_SETTINGS_TYPE,
  'AWS::Glue::Database',
  'AWS::Glue::Table',
];

class AccountBuilder {
  readonly stacks = new Set<string>();
  readonly grants = new Map<string, Grant>();
  readonly filters: FilterDefinition[] = [];
  readonly tags: TagDefinition[] = [];
  readonly tagAssignments: TagAssignment[] = [];
  readonly databases = new Map<string, ManagedDatabase>();
  readonly tables = new Map<string, ManagedTable>();
  readonly notCompared: NotCompared[] = [];
  settings: { admins: string[]; crossAccountVersion: string | undefined; sources: TemplateSource[] } | undefined;

  constructor(
    readonly account: string,
    readonly region: string,
  ) {}

  addGrant(grant: Grant): void {
    const key = grantKey(grant.principal, grant.object);
    const existing = this.grants.get(key);
    this.grants.set(
      key,
      existing === undefined
        ? grant
        : {
            ...existing,
            permissions: sortedUnique([...existing.permissions, ...grant.permissions]),
            grantOption: sortedUnique([...existing.grantOption, ...grant.grantOption]),
            columns: unionScopes(existing.columns, grant.columns),
            sources: [...existing.sources, ...grant.sources],
          },
    );
    this.manageObject(grant.object);
  }

  manageObject(object: CatalogObject | { catalogId: string; database: string; table?: string }): void {
    // A data location is listed through the grants on it; it belongs to no database.
    if ('type' in object && object.type === 'dataLocation') return;
    const key = databaseKey(object.catalogId, object.database);
    if (!this.databases.has(key)) this.databases.set(key, { catalogId: object.catalogId, database: object.database, defined: false, link: false });
    if ('table' in object && object.table !== undefined && object.table !== ALL_TABLES) this.manageTable(object.catalogId, object.database, object.table, undefined);
  }

  manageTable(catalogId: string, database: string, table: string, columns: readonly string[] | undefined): void {
    const key = tableKey(catalogId, database, table);
    const existing = this.tables.get(key);
    if (existing === undefined || (existing.columns === undefined && columns !== undefined)) this.tables.set(key, { catalogId, database, table, columns });
  }

  build(): IntendedAccount {
    const byText = <T>(text: (value: T) => string) => (a: T, b: T) => compareText(text(a), text(b));
    return {
      account: this.account,
      region: this.region,
      stacks: sortedUnique(this.stacks),
      grants: [...this.grants.entries()].sort(([a], [b]) => compareText(a, b)).map(([, grant]) => grant),
      filters: this.filters,
      tags: this.tags,
      tagAssignments: this.tagAssignments,
      settings: this.settings && { ...this.settings, admins: sortedUnique(this.settings.admins) },
      databases: [...this.databases.values()].sort(byText((d) => databaseKey(d.catalogId, d.database))),
      tables: [...this.tables.values()].sort(byText((t) => tableKey(t.catalogId, t.database, t.table))),
      notCompared: this.notCompared,
    };
  }
}

/**
 * Every account and region the templates touch, sorted. Throws `LakemeshError` (LM620) when a
 * stack with Lake Formation or Glue resources has no account or region.
 */
export function readIntendedState(stacks: readonly AssemblyStack[]): IntendedAccount[] {
  const resources = templateResources(stacks).filter((resource) => DRIFT_RESOURCE_TYPES.includes(resource.type));
  const problems = environmentProblems(resources);
  if (problems.length > 0) throw new LakemeshError(problems);
  const accounts = new Map<string, AccountBuilder>();
  const builderOf = (account: string, region: string) => {
    const key = `${account}/${region}`;
    const builder = accounts.get(key) ?? new AccountBuilder(account, region);
    accounts.set(key, builder);
    return builder;
  };
  for (const resource of resources) {
    const context = resolveContext(resource);
    const stackAccount = builderOf(context.account, context.region);
    stackAccount.stacks.add(resource.stack.stackName);
    readResource(resource, context, stackAccount, builderOf);
  }
  return [...accounts.values()]
    .sort((a, b) => compareText(a.account, b.account) || compareText(a.region, b.region))
    .map((builder) => builder.build());
}

function readResource(
  resource: TemplateResource,
  context: ResolveContext,
  builder: AccountBuilder,
  builderOf: (account: string, region: string) => AccountBuilder,
): void {
  const collect = <T>(reading: Reading<T>, use: (value: T) => void) => {
    if ('notCompared' in reading) builder.notCompared.push(reading.notCompared);
    else use(reading.value);
  };
  switch (resource.type) {
    case 'AWS::LakeFormation::PrincipalPermissions': {
      const reading = readIntendedGrant(resource, context);
      const target = builderOf(reading.account, context.region);
      target.stacks.add(resource.stack.stackName);
      if (reading.kind === 'grant') target.addGrant(reading.grant);
      else target.notCompared.push(reading.notCompared);
      return;
    }
    case 'AWS::LakeFormation::DataCellsFilter':
      return collect(readIntendedFilter(resource, context), (filter) => {
        builder.filters.push(filter);
        builder.manageObject(filter.object);
      });
    case 'AWS::LakeFormation::Tag':
      return collect(readIntendedTag(resource, context), (tag) => builder.tags.push(tag));
    case 'AWS::LakeFormation::TagAssociation':
      return collect(readIntendedTagAssociation(resource, context), (assignments) => {
        builder.tagAssignments.push(...assignments);
        for (const { target } of assignments) builder.manageObject(target.type === 'database' ? target : { ...target, table: target.table });
      });
    case DATA_LAKE_SETTINGS_TYPE:
      return collect(readIntendedSettings(resource, context), (settings) => {
        const current = builder.settings ?? { admins: [], crossAccountVersion: undefined, sources: [] };
        builder.settings = {
          admins: [...current.admins, ...settings.admins],
          crossAccountVersion: current.crossAccountVersion ?? settings.crossAccountVersion,
          sources: [...current.sources, sourceOf(resource)],
        };
      });
    case 'AWS::Glue::Database':
      return readDatabase(resource, context, builder);
    case 'AWS::Glue::Table':
      return readTable(resource, context, builder);
  }
}

/** A database the account's templates create; resource links count (grants land on them too). */
function readDatabase(resource: TemplateResource, context: ResolveContext, builder: AccountBuilder): void {
  const catalogId = catalogIdOf(resource.properties.CatalogId, context);
  const input = objectAt(resource.properties, 'DatabaseInput');
  const name = resolveText(input?.Name, context);
  if (catalogId === undefined || name === undefined) return;
  const link = input?.TargetDatabase !== undefined;
  builder.databases.set(databaseKey(catalogId, name), { catalogId, database: name, defined: catalogId === context.account, link });
}

function readTable(resource: TemplateResource, context: ResolveContext, builder: AccountBuilder): void {
  const input = objectAt(resource.properties, 'TableInput');
  const catalogId = catalogIdOf(resource.properties.CatalogId, context);
  const database = resolveText(resource.properties.DatabaseName, context);
  const name = resolveText(input?.Name, context);
  if (catalogId === undefined || database === undefined || name === undefined) return;
  builder.manageObject({ catalogId, database });
  const columnNames = (list: unknown) => (Array.isArray(list) ? list.map((column) => (isCfnObject(column) ? column.Name : undefined)) : []);
  const columns = resolveTexts([...columnNames(objectAt(input ?? {}, 'StorageDescriptor')?.Columns), ...columnNames(input?.PartitionKeys)], context);
  builder.manageTable(catalogId, database, name, columns);
}

function resolveContext(resource: TemplateResource): ResolveContext {
  const { stack } = resource;
  return {
    account: stack.account ?? '',
    region: stack.region ?? '',
    stackName: stack.stackName,
    resources: isCfnObject(stack.template.Resources) ? stack.template.Resources : {},
  };
}

function environmentProblems(resources: readonly TemplateResource[]): Problem[] {
  const agnostic = new Map<string, AssemblyStack>();
  for (const { stack } of resources) if (stack.account === undefined || stack.region === undefined) agnostic.set(stack.stackName, stack);
  return [...agnostic.values()].map((stack) => ({
    code: DRIFT_CODES.environmentAgnostic,
    path: '',
    message: `stack ${stack.stackName} (${stack.templateFile}) has lake formation resources but no ${stack.account === undefined ? 'account' : 'region'} (it is environment-agnostic), so drift cannot tell where to read them; give the stack an env with account and region and run \`npx cdk synth\` again`,
  }));
}

function objectAt(value: CfnObject | undefined, key: string): CfnObject | undefined {
  const child = value?.[key];
  return isCfnObject(child) ? child : undefined;
}
