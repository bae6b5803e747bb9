// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import expressiveCode from 'astro-expressive-code';
import tailwindcss from '@tailwindcss/vite';
import pagefind from './src/integrations/pagefind.ts';
import { validHtml } from './src/integrations/expressive-code-valid-html.ts';
import { framesWithCopyScript } from './src/integrations/expressive-code-copy.ts';
import { createRendererWithoutTabindexScript, tabStopUnlessWrapped } from './src/integrations/expressive-code-tabindex.ts';
import { noPreloadHelper } from './src/integrations/no-preload-helper.ts';
import { quietHeadInjectWarnings } from './src/integrations/quiet-head-inject.ts';
import mdxCache from './src/integrations/mdx-cache.ts';
import keepOutput from './src/integrations/keep-output.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { codeBreaks } from './src/integrations/code-breaks.ts';
import { CSP_DIRECTIVES, SCRIPT_SOURCES, STYLE_SOURCES } from './src/lib/csp.ts';
import { CACHE_DIR } from './src/lib/paths.ts';
import { hashOf } from './src/lib/file-hash.ts';
import { SITE } from './src/site.config.ts';

export default defineConfig({
  site: SITE.url,
  // A separate output folder lets several builds run side by side (benchmarks, tests).
  outDir: process.env.KB_OUT_DIR ?? './dist',
  cacheDir: CACHE_DIR,
  trailingSlash: 'always',
  build: { format: 'directory' },
  prefetch: false,
  // A rebuild copies the pages whose code, rendered article and cache key (src/lib/page-cache.ts)
  // are unchanged since the last build in cacheDir, instead of rendering them again.
  experimental: { incrementalBuild: true },
  // Expressive Code highlights every code block; Astro's own Shiki pass would only add work.
  // codeBreaks: inline code breaks after the / of a path, not anywhere (see the file). MDX takes
  // this processor too; Expressive Code adds its own plugin to it.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [codeBreaks] }) },
  // A Content-Security-Policy <meta> on every page, written by Astro: it adds the hashes of the
  // scripts it inlines, ThemeScript.astro the hash of the theme script (src/lib/csp.ts has the
  // policy and says why style attributes are allowed).
  security: {
    csp: {
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: SCRIPT_SOURCES },
      styleDirective: { resources: STYLE_SOURCES },
    },
  },
  integrations: [
    expressiveCode({
      themes: ['github-light', 'github-dark'],
      // The site sets data-theme on <html> when the reader picks a theme; otherwise the
      // system setting decides (useDarkModeMediaQuery).
      themeCssSelector: (theme) => `[data-theme='${theme.type}']`,
      useDarkModeMediaQuery: true,
      defaultProps: { wrap: true },
      plugins: [framesWithCopyScript(), validHtml(), tabStopUnlessWrapped()],
      customCreateRenderer: createRendererWithoutTabindexScript,
      textMarkers: false,
      styleOverrides: {
        borderRadius: '0.5rem',
        codeFontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
        uiFontFamily: 'inherit',
        codeFontSize: '0.875rem',
      },
    }),
    // optimize: the static parts of each article (prose, tables, highlighted code) compile to HTML
    // strings instead of one JSX call per element, so modules are smaller to bundle and faster to
    // render. On the site the pages differ only in serialisation (same DOM, checked with parse5);
    // at 1,000 articles the build takes about a fifth less time and memory.
    mdx({ optimize: true }),
    // Articles that did not change since the last build are not compiled again (see the file).
    mdxCache(),
    // Neither the 404 page nor the offline pages (/offline/, /offline/not-saved/) are for crawlers.
    sitemap({ filter: (page) => !page.endsWith('/404/') && !page.includes('/offline/') }),
    // Serves the last build's search index in `astro dev`. The build writes the index and then the
    // offline service worker after Astro has finished (scripts/after-build.ts, run by npm run build).
    pagefind(),
    // Last: keeps dist/ between builds and deletes what this build did not write (see the file).
    keepOutput(),
  ],
  vite: {
    // The code's hash, for what the build keeps between builds outside Astro's own tracking
    // (the articles' Markdown versions, src/lib/markdown-cache.ts).
    define: { 'import.meta.env.KB_CODE_HASH': JSON.stringify(hashOf(import.meta.dirname, ['src', 'astro.config.mjs', 'package-lock.json'])) },
    plugins: [tailwindcss(), noPreloadHelper(), quietHeadInjectWarnings()],
    build: { cssCodeSplit: false },
  },
});
