/** CloudFormation stack names of a mesh (DESIGN.md §4): they are API, deploy commands name them. */

export function domainStackName(mesh: string, domain: string): string {
  return `${mesh}-domain-${domain}`;
}

export function governanceStackName(mesh: string): string {
  return `${mesh}-governance`;
}

export function consumerStackName(mesh: string, consumer: string): string {
  return `${mesh}-consumer-${consumer}`;
}

/**
 * The stack of shard `shard` of a stack group whose first stack is `baseName`: the base name itself
 * for shard 1, else `<base>--<shard>` (e.g. `retail-governance--2`). The double hyphen cannot occur
 * in a mesh, domain or consumer name, so a shard of domain `sales` never takes the name of a domain
 * called `sales-2`.
 */
export function shardStackName(baseName: string, shard: number): string {
  return shard === 1 ? baseName : `${baseName}--${shard}`;
}
