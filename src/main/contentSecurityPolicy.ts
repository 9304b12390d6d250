/**
 * The Content-Security-Policy of the app's page, the same in Electron (app:// protocol) and the
 * browser harness, both of which send it as a header: the one source of the policy (the page has
 * no <meta> copy). Lives outside both so the Electron shell never imports the harness.
 * No `'unsafe-inline'` for styles: React sets `style` props through the CSSOM, which CSP allows;
 * only inline <style> elements and style="" attributes in markup would need it, and the app has none.
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
