/**
 * `schema[]` → Glue tables. Objects with `physicalType: table` (or none) become tables; others
 * (Kafka topics, views, files) are kept as `otherObjects` so that the contract still parses.
 */
import { PathSegment } from '../source/yaml-source';
import { ContractColumn, ContractObjectRef, ContractTable } from './model';
import { CONTRACT_CODES } from './codes';
import { ContractContext } from './context';
import { glueTypeOf } from './glue-types';
import { isComplexType } from './hive-type';
import { checkNoLakemeshProperties } from './lakemesh-properties';
import { glueName, glueNameIssue } from './naming';
import { ACTED_ON_KEYS, ODCS_KEYS, OdcsItem, OdcsProperty, OdcsSchemaObject } from './odcs-schema';
import { qualityRules } from './quality';

export interface ContractObjects {
  readonly tables: ContractTable[];
  readonly otherObjects: ContractObjectRef[];
}

interface PlacedColumn {
  readonly column: ContractColumn;
  readonly path: readonly PathSegment[];
  readonly primaryKeyPosition?: number;
}

export function contractObjects(ctx: ContractContext, objects: readonly OdcsSchemaObject[]): ContractObjects {
  const tables: ContractTable[] = [];
  const otherObjects: ContractObjectRef[] = [];
  const tableAt = new Map<string, number>();
  objects.forEach((object, index) => {
    const path: PathSegment[] = ['schema', index];
    ctx.checkNearMisses(object, path, ACTED_ON_KEYS.schemaObject, ODCS_KEYS.schemaObject);
    checkNoLakemeshProperties(ctx, object.customProperties, [...path, 'customProperties']);
    const physicalType = object.physicalType;
    if (physicalType !== undefined && physicalType.toLowerCase() !== 'table') {
      otherObjects.push({ name: object.name, physicalType, location: ctx.locate(path), path: `schema[${index}]` });
      return;
    }
    const table = contractTable(ctx, object, path);
    const earlier = tableAt.get(table.name);
    if (earlier !== undefined) {
      ctx.report(
        CONTRACT_CODES.duplicateTable,
        path,
        `table "${table.name}" is defined twice (also at schema[${earlier}]); give each table a distinct physicalName`,
      );
    }
    tableAt.set(table.name, index);
    tables.push(table);
  });
  return { tables, otherObjects };
}

function contractTable(ctx: ContractContext, object: OdcsSchemaObject, path: readonly PathSegment[]): ContractTable {
  const name = glueName(object);
  const nameIssue = glueNameIssue(name);
  if (nameIssue) {
    ctx.report(CONTRACT_CODES.invalidTableName, [...path, object.physicalName ? 'physicalName' : 'name'], `table name "${name}" ${nameIssue}`);
  }

  const placed: PlacedColumn[] = [];
  const columnAt = new Map<string, number>();
  (object.properties ?? []).forEach((property, index) => {
    const columnPath = [...path, 'properties', index];
    const column = contractColumn(ctx, property, columnPath);
    const earlier = columnAt.get(column.name);
    if (earlier !== undefined) {
      ctx.report(
        CONTRACT_CODES.duplicateColumn,
        columnPath,
        `column "${column.name}" is defined twice in table "${name}" (also at properties[${earlier}]); column names must be unique ignoring case, so set a distinct physicalName`,
      );
    }
    columnAt.set(column.name, index);
    placed.push({ column, path: columnPath, primaryKeyPosition: positive(property.primaryKeyPosition) });
  });

  const partitionKeys = orderedPartitionKeys(ctx, placed.filter((p) => p.column.partitioned), name);
  return {
    name,
    logicalName: object.name,
    description: object.description,
    columns: placed.filter((p) => !p.column.partitioned).map((p) => p.column),
    partitionKeys,
    quality: qualityRules(ctx, object.quality, [...path, 'quality']),
    primaryKey: primaryKey(placed),
    location: ctx.locate(path),
  };
}

function contractColumn(ctx: ContractContext, property: OdcsProperty, path: readonly PathSegment[]): ContractColumn {
  checkElementKeys(ctx, property, path);
  const name = glueName(property);
  const nameIssue = glueNameIssue(name);
  if (nameIssue) {
    ctx.report(CONTRACT_CODES.invalidColumnName, [...path, property.physicalName ? 'physicalName' : 'name'], `column name "${name}" ${nameIssue}`);
  }
  // A failed type was reported; '' never escapes, because any problem withholds the contract.
  const type = glueTypeOf(ctx, property, path) ?? '';
  return {
    name,
    logicalName: property.name,
    type,
    logicalType: property.logicalType,
    logicalTypeOptions: property.logicalTypeOptions ?? {},
    description: property.description,
    classification: property.classification,
    required: property.required ?? false,
    unique: property.unique ?? false,
    primaryKey: property.primaryKey ?? false,
    partitioned: property.partitioned ?? false,
    // ODCS writes -1 for "not a partition key".
    partitionKeyPosition: positive(property.partitionKeyPosition),
    nested: isComplexType(type),
    quality: qualityRules(ctx, property.quality, [...path, 'quality']),
    location: ctx.locate(path),
  };
}

/** Near misses and misplaced lakemesh properties anywhere in a property tree. */
function checkElementKeys(ctx: ContractContext, element: OdcsItem, path: readonly PathSegment[]): void {
  ctx.checkNearMisses(element, path, ACTED_ON_KEYS.property, ODCS_KEYS.property);
  if (element.logicalTypeOptions) {
    ctx.checkNearMisses(element.logicalTypeOptions, [...path, 'logicalTypeOptions'], ACTED_ON_KEYS.logicalTypeOptions, ODCS_KEYS.logicalTypeOptions);
  }
  checkNoLakemeshProperties(ctx, element.customProperties, [...path, 'customProperties']);
  element.properties?.forEach((child, index) => checkElementKeys(ctx, child, [...path, 'properties', index]));
  if (element.items) checkElementKeys(ctx, element.items, [...path, 'items']);
}

function orderedPartitionKeys(ctx: ContractContext, keys: readonly PlacedColumn[], table: string): ContractColumn[] {
  const byPosition = new Map<number, string>();
  for (const { column, path } of keys) {
    const position = column.partitionKeyPosition;
    if (position === undefined && keys.length > 1) {
      ctx.report(
        CONTRACT_CODES.missingPartitionPosition,
        [...path, 'partitioned'],
        `column "${column.name}" is partitioned but has no partitionKeyPosition, and table "${table}" has ${keys.length} partition keys; set partitionKeyPosition (1, 2, …) on each partitioned column`,
      );
    }
    if (position !== undefined) {
      const other = byPosition.get(position);
      if (other !== undefined) {
        ctx.report(
          CONTRACT_CODES.duplicatePartitionPosition,
          [...path, 'partitionKeyPosition'],
          `partitionKeyPosition ${position} is used twice in table "${table}" (also by column "${other}"); give each partition key its own position`,
        );
      }
      byPosition.set(position, column.name);
    }
    if (isComplexType(column.type)) {
      ctx.report(
        CONTRACT_CODES.complexPartitionKey,
        [...path, 'partitioned'],
        `column "${column.name}" has type ${column.type} and cannot be a partition key; partition keys must be of a primitive type (string, int, date, …)`,
      );
    }
  }
  return keys.map((k) => k.column).sort((a, b) => (a.partitionKeyPosition ?? 0) - (b.partitionKeyPosition ?? 0));
}

/** Primary key columns by `primaryKeyPosition`; unpositioned ones follow in contract order. */
function primaryKey(columns: readonly PlacedColumn[]): string[] {
  const rank = (placed: PlacedColumn) => placed.primaryKeyPosition ?? Number.MAX_SAFE_INTEGER;
  // Array.prototype.sort is stable, so unpositioned columns keep their contract order.
  return columns
    .filter((placed) => placed.column.primaryKey)
    .sort((a, b) => rank(a) - rank(b))
    .map((placed) => placed.column.name);
}

function positive(value: number | undefined): number | undefined {
  return value !== undefined && value > 0 ? value : undefined;
}
