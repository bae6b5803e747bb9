/** The name authors use for a diagram component file (`../diagrams/XenArchitecture.astro` → `xen-architecture`). */
export function diagramName(file: string): string {
  const base = file.split('/').pop()!.replace(/\.astro$/, '');
  return base.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
}
