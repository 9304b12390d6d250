/**
 * The Content-Security-Policy of the app's page, the same in Electron (app:// protocol) and the
 * browser harness. Lives outside both so the Electron shell never imports the harness.
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
