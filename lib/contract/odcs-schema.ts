/**
 * zod schemas for ODCS v3.0.x / v3.1.x, strict on the fields lakemesh acts on and loose
 * (passthrough) on the rest, so that any valid ODCS contract parses. Where v3.0 and v3.1 differ
 * (`team` array vs object, quality `rule` vs `metric`, `exclusiveMinimum` boolean vs number) both
 * forms are accepted.
 *
 * The `*_KEYS` lists name every key ODCS defines at each level; a key that is neither there nor
 * acted on, but is a near miss of one lakemesh acts on (`partitionKeyPositon`), is reported.
 */
import { z } from 'zod';

/** ODCS logical types, plus the common spellings `long` and `datetime`. */
export const LOGICAL_TYPES = [
  'string', 'date', 'timestamp', 'time', 'number', 'integer', 'object', 'array', 'boolean', 'long', 'datetime',
] as const;

const text = z.string().optional();
const count = z.int().min(0).optional();
const bound = z.union([z.number(), z.string()]).optional();

export const odcsLogicalTypeOptions = z.looseObject({
  minLength: count,
  maxLength: count,
  pattern: text,
  format: text,
  minimum: bound,
  maximum: bound,
  // v3.0: a boolean qualifying minimum/maximum; v3.1: the bound itself.
  exclusiveMinimum: z.union([z.number(), z.string(), z.boolean()]).optional(),
  exclusiveMaximum: z.union([z.number(), z.string(), z.boolean()]).optional(),
  multipleOf: z.number().positive().optional(),
  // Not in ODCS 3.1, but common (and the only way to ask for a Glue decimal from a logical type).
  precision: z.int().optional(),
  scale: z.int().optional(),
  minItems: count,
  maxItems: count,
  uniqueItems: z.boolean().optional(),
  minProperties: count,
  maxProperties: count,
  required: z.array(z.string()).optional(),
  timezone: z.boolean().optional(),
  defaultTimezone: text,
});

export const odcsCustomProperty = z.looseObject({
  property: z.string(),
  value: z.unknown().optional(),
});
const customProperties = z.array(odcsCustomProperty).optional();

const numberPair = z.tuple([z.number(), z.number()]).optional();

export const odcsQuality = z.looseObject({
  type: z.enum(['text', 'library', 'sql', 'custom']).optional(),
  metric: text,
  rule: text,
  name: text,
  description: text,
  dimension: text,
  severity: text,
  unit: text,
  query: text,
  engine: text,
  implementation: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  arguments: z.record(z.string(), z.unknown()).optional(),
  mustBe: z.unknown().optional(),
  mustNotBe: z.unknown().optional(),
  mustBeGreaterThan: z.number().optional(),
  mustBeGreaterOrEqualTo: z.number().optional(),
  mustBeLessThan: z.number().optional(),
  mustBeLessOrEqualTo: z.number().optional(),
  mustBeBetween: numberPair,
  mustNotBeBetween: numberPair,
});
const quality = z.array(odcsQuality).optional();

const elementFields = {
  physicalName: text,
  physicalType: text,
  logicalType: z.enum(LOGICAL_TYPES).optional(),
  logicalTypeOptions: odcsLogicalTypeOptions.optional(),
  description: text,
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  primaryKey: z.boolean().optional(),
  primaryKeyPosition: z.int().optional(),
  partitioned: z.boolean().optional(),
  partitionKeyPosition: z.int().optional(),
  classification: text,
  quality,
  customProperties,
};

const elementObject = z.looseObject(elementFields);
type ElementFields = z.infer<typeof elementObject>;

/** The `items` of an array property: a property whose name is optional. */
export interface OdcsItem extends ElementFields {
  readonly name?: string;
  readonly items?: OdcsItem;
  readonly properties?: OdcsProperty[];
}

/** A `schema[].properties[]` entry (a column, or a field of an object). */
export interface OdcsProperty extends OdcsItem {
  readonly name: string;
}

// Recursive schemas need explicit types (TypeScript cannot infer self-referencing initialisers).
export const odcsProperty: z.ZodType<OdcsProperty> = z.looseObject({
  name: z.string().min(1),
  ...elementFields,
  get items() {
    return odcsItem.optional();
  },
  get properties() {
    return z.array(odcsProperty).optional();
  },
});

export const odcsItem: z.ZodType<OdcsItem> = z.looseObject({
  name: text,
  ...elementFields,
  get items() {
    return odcsItem.optional();
  },
  get properties() {
    return z.array(odcsProperty).optional();
  },
});

export const odcsSchemaObject = z.looseObject({
  name: z.string().min(1),
  physicalName: text,
  physicalType: text,
  description: text,
  properties: z.array(odcsProperty).optional(),
  quality,
  customProperties,
});

export const odcsRole = z.looseObject({
  role: z.string().min(1),
  access: text,
  description: text,
  customProperties,
});

export const odcsSlaProperty = z.looseObject({
  property: z.string(),
  value: z.unknown().optional(),
  unit: text,
  element: text,
});

export const odcsServer = z.looseObject({
  server: z.string(),
  type: z.string(),
  format: text,
});

export const odcsTeamMember = z.looseObject({
  username: z.string(),
  name: text,
  role: text,
});

/** v3.1 form of `team`. */
export const odcsTeam = z.looseObject({
  name: text,
  description: text,
  members: z.array(odcsTeamMember).optional(),
});

const contractFields = {
  apiVersion: z.string(),
  kind: z.string(),
  id: z.string().min(1),
  version: z.string().min(1),
  status: z.string().min(1),
  name: text,
  domain: text,
  dataProduct: text,
  description: z.looseObject({ purpose: text, usage: text, limitations: text }).optional(),
  schema: z.array(odcsSchemaObject).optional(),
  roles: z.array(odcsRole).optional(),
  slaProperties: z.array(odcsSlaProperty).optional(),
  servers: z.array(odcsServer).optional(),
  customProperties,
};

/** `team` as a list of members (v3.0) — chosen when the file's `team` is a list. */
export const odcsContractWithTeamList = z.looseObject({ ...contractFields, team: z.array(odcsTeamMember).optional() });
/** `team` as an object (v3.1; also accepted in v3.0 files, as real contracts use it there). */
export const odcsContractWithTeamObject = z.looseObject({ ...contractFields, team: odcsTeam.optional() });

export type OdcsContract = z.infer<typeof odcsContractWithTeamList> | z.infer<typeof odcsContractWithTeamObject>;
export type OdcsSchemaObject = z.infer<typeof odcsSchemaObject>;
export type OdcsQuality = z.infer<typeof odcsQuality>;
export type OdcsRole = z.infer<typeof odcsRole>;
export type OdcsSlaProperty = z.infer<typeof odcsSlaProperty>;
export type OdcsCustomProperty = z.infer<typeof odcsCustomProperty>;
export type OdcsTeamMember = z.infer<typeof odcsTeamMember>;
export type OdcsLogicalTypeOptions = z.infer<typeof odcsLogicalTypeOptions>;

/** Every key ODCS v3.0–v3.1 defines, per level (for near-miss detection). */
export const ODCS_KEYS = {
  contract: [
    'version', 'kind', 'apiVersion', 'id', 'name', 'tenant', 'tags', 'status', 'servers', 'dataProduct', 'description',
    'domain', 'schema', 'support', 'price', 'team', 'roles', 'slaDefaultElement', 'slaProperties',
    'authoritativeDefinitions', 'customProperties', 'contractCreatedTs',
  ],
  schemaObject: [
    'id', 'name', 'physicalType', 'description', 'businessName', 'authoritativeDefinitions', 'tags', 'customProperties',
    'logicalType', 'physicalName', 'dataGranularityDescription', 'properties', 'relationships', 'quality',
  ],
  property: [
    'id', 'name', 'physicalType', 'description', 'businessName', 'authoritativeDefinitions', 'tags', 'customProperties',
    'primaryKey', 'primaryKeyPosition', 'logicalType', 'logicalTypeOptions', 'physicalName', 'required', 'unique',
    'partitioned', 'partitionKeyPosition', 'classification', 'encryptedName', 'transformSourceObjects', 'transformLogic',
    'transformDescription', 'examples', 'criticalDataElement', 'relationships', 'quality', 'items', 'properties',
  ],
  logicalTypeOptions: Object.keys(odcsLogicalTypeOptions.shape),
  quality: [
    'id', 'name', 'type', 'description', 'dimension', 'method', 'severity', 'businessImpact', 'schedule', 'scheduler',
    'tags', 'unit', 'customProperties', 'authoritativeDefinitions', 'metric', 'rule', 'arguments', 'query', 'engine',
    'implementation', 'mustBe', 'mustNotBe', 'mustBeGreaterThan', 'mustBeGreaterOrEqualTo', 'mustBeLessThan',
    'mustBeLessOrEqualTo', 'mustBeBetween', 'mustNotBeBetween',
  ],
  role: ['id', 'role', 'description', 'access', 'firstLevelApprovers', 'secondLevelApprovers', 'customProperties'],
  slaProperty: ['id', 'property', 'value', 'valueExt', 'unit', 'element', 'driver', 'description', 'scheduler', 'schedule'],
} as const;

/** The keys lakemesh acts on, per level (a near miss of one of these is an error). */
export const ACTED_ON_KEYS = {
  contract: Object.keys(contractFields).concat('team'),
  schemaObject: Object.keys(odcsSchemaObject.shape),
  property: ['name', ...Object.keys(elementObject.shape), 'items', 'properties'],
  logicalTypeOptions: Object.keys(odcsLogicalTypeOptions.shape),
  quality: Object.keys(odcsQuality.shape),
  role: Object.keys(odcsRole.shape),
  slaProperty: Object.keys(odcsSlaProperty.shape),
} as const;
