interface ImportMetaEnv {
  /** A hash of the project's code (src/, astro.config.mjs, package-lock.json), set by astro.config.mjs for the build's caches. */
  readonly KB_CODE_HASH: string;
}
