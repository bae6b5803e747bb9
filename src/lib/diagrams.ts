import { diagramName } from './diagram-name.ts';

/** A diagram component of src/components/diagrams/, by the name authors use. */
export interface DiagramModule {
  name: string;
  Component: (props: Record<string, never>) => unknown;
}

const modules = import.meta.glob<{ default: DiagramModule['Component'] }>('../components/diagrams/*.astro', { eager: true });

/** Every diagram, by name. */
export const DIAGRAMS: ReadonlyMap<string, DiagramModule['Component']> = new Map(
  Object.entries(modules).map(([file, module]) => [diagramName(file), module.default]),
);

/** The page that shows a diagram full size, for phones and for a closer look. */
export function diagramUrl(name: string): string {
  return `/diagrams/${name}/`;
}

/** The ids of the articles whose body shows a diagram: `<Diagram name="…" />`. */
export function articlesShowing(name: string, articles: readonly { id: string; body?: string | undefined }[]): string[] {
  const pattern = new RegExp(`<Diagram\\s+name=["']${name}["']`);
  return articles.filter((article) => pattern.test(article.body ?? '')).map((article) => article.id);
}
