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
