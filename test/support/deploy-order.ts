/**
 * What a resource waits for at deploy: everything it reaches through `DependsOn`, `Ref` and
 * `Fn::GetAtt` in its template. Mesh stacks list only the `DependsOn` entries that others do not
 * imply (lib/stacks/implied-dependencies.ts), so order tests ask this, not `DependsOn` itself.
 */
import { resourceDependencies, TemplateResource } from '../../bench/lf-chain';

/** The logical ids `id` deploys after, directly or through other resources. */
export function deploysAfter(resources: Readonly<Record<string, TemplateResource>>, id: string): string[] {
  const direct = resourceDependencies(resources);
  const seen = new Set<string>();
  const pending = [...(direct.get(id) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(direct.get(next) ?? []));
  }
  return [...seen].sort();
}
