/**
 * Locates mesh-level problems inside contract files (a contract's `domain`, `status`, a column's
 * `classification`), so they point at the line to edit. The contract model keeps one location per
 * element; the locator keeps each contract's parsed source to reach individual fields.
 */
import { Problem } from '../errors';
import { ContractColumn, ContractTable, DataContract } from '../contract/model';
import { formatPath, PathSegment, YamlSource } from '../source/yaml-source';

export class ContractLocator {
  private readonly sources = new Map<string, YamlSource>();

  /** Remembers the source a contract was parsed from (keyed by `DataContract.file`). */
  register(file: string, source: YamlSource): void {
    this.sources.set(file, source);
  }

  /** A problem at `path` of the contract file, or at the contract's own location when the file cannot be re-read. */
  problem(contract: DataContract, code: string, path: readonly PathSegment[], message: string): Problem {
    const source = this.source(contract.file);
    return source
      ? source.problem(code, path, message)
      : { code, path: formatPath(path), message, location: contract.location };
  }

  /** A problem at `field` of a column (`schema[i].properties[j].<field>`), falling back to the column's location. */
  columnProblem(contract: DataContract, table: ContractTable, column: ContractColumn, field: string, code: string, message: string): Problem {
    const path = this.columnPath(contract, table, column);
    return path
      ? this.problem(contract, code, [...path, field], message)
      : { code, path: `${table.logicalName}.${column.logicalName}.${field}`, message, location: column.location };
  }

  private columnPath(contract: DataContract, table: ContractTable, column: ContractColumn): PathSegment[] | undefined {
    const data = this.source(contract.file)?.data as { schema?: unknown } | undefined;
    if (!Array.isArray(data?.schema)) return undefined;
    const tableIndex = data.schema.findIndex((entry: unknown) => nameOf(entry) === table.logicalName);
    if (tableIndex < 0) return undefined;
    const properties = (data.schema[tableIndex] as { properties?: unknown }).properties;
    if (!Array.isArray(properties)) return undefined;
    const columnIndex = properties.findIndex((entry: unknown) => nameOf(entry) === column.logicalName);
    return columnIndex < 0 ? undefined : ['schema', tableIndex, 'properties', columnIndex];
  }

  private source(file: string): YamlSource | undefined {
    return this.sources.get(file);
  }
}

function nameOf(entry: unknown): unknown {
  return entry !== null && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
}
