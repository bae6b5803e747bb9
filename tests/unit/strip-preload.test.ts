import { describe, expect, it } from 'vitest';
import { stripPreloadWrappers } from '../../src/lib/strip-preload.ts';

const helper = 'import { t as __vitePreload } from "./preload-helper.!~{001}~.js";\n';

describe('stripPreloadWrappers', () => {
  it('unwraps lazy imports and drops the helper import', () => {
    const code = `${helper}const a = () => __vitePreload(() => import("./offline-status.!~{007}~.js"), __VITE_PRELOAD__);\nconst b = __vitePreload(() => import("./search-dialog.js").then((m) => m.setup(this, "a)b")), __VITE_PRELOAD__);\n`;
    expect(stripPreloadWrappers(code)).toBe(`const a = () => (import("./offline-status.!~{007}~.js"));\nconst b = (import("./search-dialog.js").then((m) => m.setup(this, "a)b")));\n`);
  });

  it('leaves chunks without a wrapper, or with one in another shape, unchanged', () => {
    expect(stripPreloadWrappers('import("./x.js")')).toBeNull();
    expect(stripPreloadWrappers(`${helper}__vitePreload(load, __VITE_PRELOAD__)`)).toBeNull();
  });
});
