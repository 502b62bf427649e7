/**
 * Reads an ODCS v3.0.x / v3.1.x contract into the typed `DataContract` model, reporting every
 * problem in the file at once, each located at `file:line:column` with a dotted path.
 */
import { LakemeshError, Problem, sortProblems } from '../errors';
import { zodProblems } from '../source/zod-problems';
import { readYamlSource, YamlSource } from '../source/yaml-source';
import { ContractDescription, ContractStatus, DataContract } from './model';
import { CONTRACT_CODES } from './codes';
import { ContractContext } from './context';
import { fingerprint } from './fingerprint';
import { checkNoLakemeshProperties } from './lakemesh-properties';
import { slugify } from './naming';
import {
  ACTED_ON_KEYS,
  ODCS_KEYS,
  OdcsContract,
  odcsContractWithTeamList,
  odcsContractWithTeamObject,
  OdcsTeamMember,
} from './odcs-schema';
import { contractRoles } from './roles';
import { contractSla } from './sla';
import { contractObjects } from './tables';
import { refuseNonOdcsV3 } from './version-check';

/** The outcome of checking one contract: the contract when there are no problems. */
export interface ContractCheck {
  readonly contract?: DataContract;
  readonly problems: readonly Problem[];
}

/** Reads `file` (YAML or JSON) and returns the contract; throws `LakemeshError` with every problem. */
export function loadContract(file: string): DataContract {
  return parseContract(readYamlSource(file));
}

/** Like `loadContract`, from an already-read source. */
export function parseContract(source: YamlSource): DataContract {
  const check = contractProblems(source);
  if (check.contract === undefined) throw new LakemeshError(sortProblems(check.problems));
  return check.contract;
}

/**
 * Reads and checks `file` without throwing, for callers that collect problems across many
 * files (the mesh loader). Read errors (missing file, bad YAML) come back as problems too.
 */
export function contractFileProblems(file: string): ContractCheck {
  let source: YamlSource;
  try {
    source = readYamlSource(file);
  } catch (error) {
    if (error instanceof LakemeshError) return { problems: error.problems };
    throw error;
  }
  return contractProblems(source);
}

/** Checks an already-read source without throwing. */
export function contractProblems(source: YamlSource): ContractCheck {
  const ctx = new ContractContext(source);
  const data = source.data as Record<string, unknown>;
  if (refuseNonOdcsV3(ctx, data)) return { problems: ctx.problems };

  const schema = Array.isArray(data.team) ? odcsContractWithTeamList : odcsContractWithTeamObject;
  const parsed = schema.safeParse(data);
  if (!parsed.success) return { problems: [...ctx.problems, ...zodProblems(source, schema, parsed.error)] };

  const contract = buildContract(ctx, parsed.data);
  return ctx.problems.length > 0 ? { problems: ctx.problems } : { contract, problems: [] };
}

function buildContract(ctx: ContractContext, raw: OdcsContract): DataContract {
  ctx.checkNearMisses(raw, [], ACTED_ON_KEYS.contract, ODCS_KEYS.contract);
  checkNoLakemeshProperties(ctx, raw.customProperties, ['customProperties']);
  const { tables, otherObjects } = contractObjects(ctx, raw.schema ?? []);
  return {
    file: ctx.source.file,
    apiVersion: raw.apiVersion,
    id: raw.id,
    version: raw.version,
    status: canonicalStatus(raw.status),
    domain: raw.domain,
    dataProduct: raw.dataProduct ?? raw.name,
    productSlug: productSlug(ctx, raw),
    description: description(raw),
    owner: owner(raw.team),
    tables,
    otherObjects,
    roles: contractRoles(ctx, raw.roles ?? [], tables),
    sla: contractSla(ctx, raw.slaProperties),
    servers: (raw.servers ?? []).map((server) => ({ server: server.server, type: server.type, format: server.format })),
    fingerprint: fingerprint(ctx.source.data),
    location: ctx.locate([]),
  };
}

const KNOWN_STATUSES: readonly string[] = ['proposed', 'draft', 'active', 'deprecated', 'retired'];

/**
 * The statuses lakemesh gates on, in lower case whatever the contract wrote: `Retired` must fail
 * like `retired`, and `Draft` must not be shared. Other statuses are kept as written.
 */
function canonicalStatus(status: string): ContractStatus {
  const lower = status.trim().toLowerCase();
  return KNOWN_STATUSES.includes(lower) ? lower : status;
}

/** Slug of `dataProduct`, else `name`, else `id` (every ODCS contract has one). */
function productSlug(ctx: ContractContext, raw: OdcsContract): string {
  const [field, value] =
    raw.dataProduct !== undefined ? ['dataProduct', raw.dataProduct] : raw.name !== undefined ? ['name', raw.name] : ['id', raw.id];
  const slug = slugify(value);
  if (!slug) {
    ctx.report(
      CONTRACT_CODES.emptyProductSlug,
      [field],
      `${field} "${value}" gives an empty product name (lakemesh keeps only letters and digits, lower-cased); use a name with letters or digits`,
    );
  }
  return slug;
}

function description(raw: OdcsContract): ContractDescription | undefined {
  if (raw.description === undefined) return undefined;
  const { purpose, usage, limitations } = raw.description;
  return { purpose, usage, limitations };
}

/** The team name (v3.1 object), else the first member whose role names an owner. */
function owner(team: OdcsContract['team']): string | undefined {
  if (team === undefined) return undefined;
  if (!Array.isArray(team) && team.name) return team.name;
  const members: readonly OdcsTeamMember[] = Array.isArray(team) ? team : (team.members ?? []);
  return members.find((member) => /owner/i.test(member.role ?? ''))?.username;
}
