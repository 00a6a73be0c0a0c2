import { cleanup, render, screen } from "@solidjs/testing-library";
import { setTrustedTypesPolicy } from "solid-js/web";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installTemplatePolicy } from "../../src/installTemplatePolicy";
import { TEMPLATE_POLICY_NAME } from "../../src/templatePolicyName";

describe("installTemplatePolicy", () => {
  afterEach(() => {
    cleanup();
    setTrustedTypesPolicy(undefined);
  });

  it("creates the one policy the CSP allows, and Solid builds its templates through it", () => {
    const createHTML = vi.fn((html: string) => html);
    const createPolicy = vi.fn((_name: string, rules: { createHTML(html: string): string }) => ({
      createHTML: (html: string) => createHTML(rules.createHTML(html)),
    }));
    installTemplatePolicy({ trustedTypes: { createPolicy } });
    expect(createPolicy).toHaveBeenCalledExactlyOnceWith(TEMPLATE_POLICY_NAME, expect.anything());

    render(() => (
      <section>
        <h2>Made from a template</h2>
      </section>
    ));
    expect(screen.getByRole("heading", { name: "Made from a template" })).toBeTruthy();
    expect(createHTML).toHaveBeenCalledWith(expect.stringContaining("<h2>Made from a template"));
  });

  it("does nothing in a browser without Trusted Types", () => {
    expect(() => installTemplatePolicy({})).not.toThrow();
  });
});
