// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import expressiveCode from 'astro-expressive-code';
import tailwindcss from '@tailwindcss/vite';
import pagefind from './src/integrations/pagefind.ts';
import { SITE } from './src/site.config.ts';

export default defineConfig({
  site: SITE.url,
  // Separate output and cache folders let several builds run side by side (benchmarks, tests).
  outDir: process.env.KB_OUT_DIR ?? './dist',
  cacheDir: process.env.KB_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  prefetch: false,
  integrations: [
    expressiveCode({
      themes: ['github-light', 'github-dark'],
      // The site sets data-theme on <html> when the reader picks a theme; otherwise the
      // system setting decides (useDarkModeMediaQuery).
      themeCssSelector: (theme) => `[data-theme='${theme.type}']`,
      useDarkModeMediaQuery: true,
      defaultProps: { wrap: true },
      styleOverrides: {
        borderRadius: '0.5rem',
        codeFontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
        uiFontFamily: 'inherit',
        codeFontSize: '0.875rem',
      },
    }),
    mdx(),
    sitemap({ filter: (page) => !page.endsWith('/404/') }),
    pagefind(),
  ],
  vite: {
    plugins: [tailwindcss()],
  },
});
