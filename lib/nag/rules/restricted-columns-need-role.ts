import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { CfnObject, field, flattenString, isCfnObject, isIntrinsic, literalStrings } from '../cfn-values';
import { grantMetadataOf, metadataColumns } from '../grant-fields';
import { MeshResource } from '../mesh-resource';
import { DataMeshRule, compliantWhen } from '../mesh-rule';

/**
 * A contract grant exposes a restricted column only when the grant's role lists it in
 * `lakemesh.includeColumns`.
 */
export const RestrictedColumnsNeedRole: DataMeshRule = {
  name: 'RestrictedColumnsNeedRole',
  info: 'The contract grant exposes a column listed in its restrictedColumns Metadata that its includeColumns does not list (through ColumnNames, a ColumnWildcard, a whole-table SELECT or a data cells filter).',
  explanation:
    "Columns classified with the ontology's most sensitive value are withheld from every grant unless the contract role names them in lakemesh.includeColumns. Name the columns to grant, exclude the restricted ones from a ColumnWildcard, or add them to the role's lakemesh.includeColumns in the contract.",
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::LakeFormation::PrincipalPermissions'],
  check(resource: MeshResource): NagRuleCompliance {
    const metadata = grantMetadataOf(resource);
    if (!metadata) return NagRuleCompliance.NOT_APPLICABLE;
    const restricted = metadataColumns(metadata, 'restrictedColumns');
    const included = metadataColumns(metadata, 'includeColumns');
    const exposed = grantedColumns(resource);
    if (restricted.size === 0 || !exposed) return NagRuleCompliance.NOT_APPLICABLE;
    return compliantWhen([...restricted].every((column) => included.has(column) || !exposed(column)));
  },
};

/** Whether the grant exposes a (lower-cased) column; undefined when the template does not tell. */
type ColumnTest = (column: string) => boolean;

function grantedColumns(resource: MeshResource): ColumnTest | undefined {
  const target = field(resource.properties, 'Resource');
  const tableWithColumns = field(target, 'TableWithColumns');
  if (tableWithColumns !== undefined) return columnSelection(tableWithColumns);
  if (field(target, 'Table') !== undefined) return wholeTableSelection(resource.properties.Permissions);
  const filter = field(target, 'DataCellsFilter');
  if (filter !== undefined) {
    const definition = findDataCellsFilter(resource, filter);
    return definition ? columnSelection(definition.properties) : undefined;
  }
  return undefined;
}

/** `ColumnNames` or `ColumnWildcard` (with `ExcludedColumnNames`), as on TableWithColumns and DataCellsFilter. */
function columnSelection(selection: unknown): ColumnTest | undefined {
  if (!isCfnObject(selection)) return undefined;
  const { ColumnNames: names, ColumnWildcard: wildcard } = selection;
  if (wildcard !== undefined) {
    if (isIntrinsic(wildcard) || isIntrinsic(field(wildcard, 'ExcludedColumnNames'))) return undefined;
    const excluded = lowerCased(field(wildcard, 'ExcludedColumnNames'));
    return (column) => !excluded.has(column);
  }
  if (names === undefined || isIntrinsic(names)) return undefined;
  const granted = lowerCased(names);
  return (column) => granted.has(column);
}

/** SELECT (or ALL) on a table reads every column. */
function wholeTableSelection(permissions: unknown): ColumnTest | undefined {
  if (!Array.isArray(permissions)) return undefined;
  const readsData = literalStrings(permissions).some((permission) => permission === 'SELECT' || permission === 'ALL');
  return readsData ? () => true : () => false;
}

const FILTER_KEYS = ['TableCatalogId', 'DatabaseName', 'TableName', 'Name'] as const;

/** The `AWS::LakeFormation::DataCellsFilter` of this stack that the grant names, if any. */
function findDataCellsFilter(resource: MeshResource, reference: unknown): MeshResource | undefined {
  if (!isCfnObject(reference)) return undefined;
  const wanted = filterKey(reference);
  if (wanted === undefined) return undefined;
  return resource
    .inSameStack('AWS::LakeFormation::DataCellsFilter')
    .find((candidate) => filterKey(candidate.properties) === wanted);
}

function filterKey(properties: CfnObject): string | undefined {
  const parts = FILTER_KEYS.map((key) => flattenString(properties[key]));
  return parts.every((part) => part !== undefined) ? parts.join('|') : undefined;
}

function lowerCased(value: unknown): ReadonlySet<string> {
  return new Set(literalStrings(value).map((column) => column.toLowerCase()));
}
