import type { Plugin } from 'vite';

/** Rolldown's warning code for a directive such as "use client" at the top of a module. */
const MODULE_LEVEL_DIRECTIVE = 'MODULE_LEVEL_DIRECTIVE';

/**
 * A Vite plugin that drops one warning Astro causes and nobody can act on: Astro marks every MDX
 * article's module with a "use astro:head-inject" directive, and Rolldown warns, with a code
 * frame, that bundling may not preserve it (withastro/astro#18087, open). That is one framed
 * warning per article on every build, 54 on the site and 1,000 at the bench's scale, which would
 * bury the warnings a contributor must read. Every other log passes.
 */
export function quietHeadInjectWarnings(): Plugin {
  return {
    name: 'kb:quiet-head-inject-warnings',
    apply: 'build',
    onLog(_level, log) {
      if (log.code === MODULE_LEVEL_DIRECTIVE && log.message.includes('"use astro:head-inject"')) return false;
    },
  };
}
