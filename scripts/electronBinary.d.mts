/** Types of electronBinary.mjs, for the TypeScript tests that import it. */
export declare function findElectronBinary(
  root: string,
  env?: NodeJS.ProcessEnv,
): { ok: true; path: string } | { ok: false; reason: string };
