import { build, type Plugin, type Rollup } from 'vite';
import { expect, test } from 'vitest';
import { quietHeadInjectWarnings } from '../../src/integrations/quiet-head-inject.ts';

/** The warnings a Vite build of these modules reports, with the plugin in place as on the site. */
async function warnings(modules: Record<string, string>): Promise<Rollup.RollupLog[]> {
  const logs: Rollup.RollupLog[] = [];
  const virtual: Plugin = {
    name: 'virtual',
    resolveId: (id) => (id in modules ? `\0${id}` : null),
    load: (id) => (id.startsWith('\0') ? (modules[id.slice(1)] ?? null) : null),
  };
  await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [virtual, quietHeadInjectWarnings()],
    build: {
      write: false,
      rolldownOptions: {
        input: Object.keys(modules)[0],
        onLog: (level, log) => {
          if (level === 'warn') logs.push(log);
        },
      },
    },
  });
  return logs;
}

test('the build shows no warning for the directive Astro puts in every MDX article', async () => {
  const logs = await warnings({
    'page.js': 'import { Content } from "article.mdx"; export default Content;',
    'article.mdx': '"use astro:head-inject";\nexport const Content = () => "text";',
  });
  expect(logs).toEqual([]);
});

test('every other warning still reaches the contributor, other directives too', async () => {
  const logs = await warnings({
    'page.js': 'import { widget } from "widget.js"; export default widget;',
    'widget.js': '"use client";\nexport const widget = 1;',
  });
  expect(logs.map((log) => [log.code, log.message.includes('"use client"')])).toEqual([['MODULE_LEVEL_DIRECTIVE', true]]);
});
