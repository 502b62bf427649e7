/**
 * The custom resource's properties, parsed at the boundary into typed values. CloudFormation hands
 * every scalar to a custom resource as a string, so the version arrives as "4" or "5".
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { LakemeshError } from '../../errors';

// zod/mini ships without messages; English only keeps the bundle small (full zod with every
// locale is ~750 KB of handler code).
z.config(en());

/** Problem codes raised by the data lake settings handler (LM310–LM319). */
export const SETTINGS_HANDLER_CODES = {
  invalidProperties: 'LM310',
  stalePrincipal: 'LM311',
  retriesExhausted: 'LM312',
  rejectedSettings: 'LM313',
} as const;

export type CrossAccountVersionParameter = '4' | '5';

export interface SettingsProperties {
  /** Admins this resource owns: added, and removed again when they leave the list or on delete. */
  readonly admins: readonly string[];
  /** Admins this resource ensures but never removes (the stack's deployment role). */
  readonly deploymentAdmins: readonly string[];
  readonly crossAccountVersion: CrossAccountVersionParameter;
}

const principalList = z._default(z.array(z.string().check(z.minLength(1))), []);

const schema = z.object({
  Admins: principalList,
  DeploymentAdmins: principalList,
  CrossAccountVersion: z.pipe(z.coerce.string(), z.enum(['4', '5'])),
});

/** `which` names the event field in the error, e.g. `OldResourceProperties`. */
export function parseProperties(raw: unknown, which: string): SettingsProperties {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => {
        const field = [which, ...issue.path.map(String)].join('.');
        // zod's own invalid_type message already names what it received.
        const received = issue.code === 'invalid_type' ? '' : `, received ${JSON.stringify(valueAt(raw, issue.path)) ?? 'nothing'}`;
        return `${field}: ${issue.message.toLowerCase()}${received}`;
      })
      .join('; ');
    throw LakemeshError.of(
      SETTINGS_HANDLER_CODES.invalidProperties,
      `invalid data lake settings properties (${details}): the template was not written by the DataLakeSettings construct of this lakemesh version; redeploy with it`,
    );
  }
  return {
    admins: [...new Set(parsed.data.Admins)],
    deploymentAdmins: [...new Set(parsed.data.DeploymentAdmins)],
    crossAccountVersion: parsed.data.CrossAccountVersion,
  };
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
