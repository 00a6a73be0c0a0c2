/**
 * The one Trusted Types policy Valet creates (src/installTemplatePolicy.ts), and the only one the site's CSP allows
 * (`trusted-types`, scripts/siteHeaders.ts). In a file of its own so the header scripts read it without loading Solid.
 */
export const TEMPLATE_POLICY_NAME = "solid-templates";
