/** The app's version: injected at bundle time; read from package.json when running from source. */
import { createRequire } from 'node:module';

declare const __APP_VERSION__: string | undefined;

/** The version of this build. */
export const appVersion: string =
  typeof __APP_VERSION__ === 'string'
    ? __APP_VERSION__
    : (createRequire(`${process.cwd()}/`)('./package.json') as { version: string }).version;
