import { setTrustedTypesPolicy } from "solid-js/web";
import { TEMPLATE_POLICY_NAME } from "./templatePolicyName";

/** The part of the Trusted Types API used here; TypeScript's DOM library does not describe it yet. */
interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createHTML(html: string): string },
  ): { createHTML(html: string): unknown };
}

/**
 * Lets Solid build its templates under the site's `require-trusted-types-for 'script'`. Solid turns each JSX
 * template into a fixed HTML string at build time and parses it through `innerHTML`, which Trusted Types refuses
 * unless the string comes from a policy. The policy passes the string on unchanged: only Solid's `template()` holds
 * it, and the strings it gets are Valet's own compiled markup, never data (text and attributes are set through the
 * DOM). Call it once, before anything renders; a browser without Trusted Types needs nothing.
 */
export function installTemplatePolicy(scope: object = globalThis): void {
  const factory = (scope as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return;
  setTrustedTypesPolicy(factory.createPolicy(TEMPLATE_POLICY_NAME, { createHTML: (html) => html }));
}
