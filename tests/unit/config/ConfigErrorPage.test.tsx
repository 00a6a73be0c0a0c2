import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError } from "../../../src/config/ConfigError";
import { ConfigErrorPage } from "../../../src/config/ConfigErrorPage";

afterEach(cleanup);

const invalid = new ConfigError("config_invalid", [
  { field: "authority", message: 'must be an absolute https URL; got "ftp://x"' },
  { field: "clientID", message: "is not a Valet setting; check its spelling" },
]);

describe("ConfigErrorPage", () => {
  it("is a page with a main landmark and a heading that says what is wrong", () => {
    render(() => <ConfigErrorPage error={invalid} onRetry={() => {}} />);
    expect(screen.getByRole("main")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Valet is not configured correctly");
    expect(screen.getByRole("main").textContent).toContain("config.json needs fixing");
  });

  it("lists every field with its message", () => {
    render(() => <ConfigErrorPage error={invalid} onRetry={() => {}} />);
    const items = screen.getAllByRole("listitem");
    expect(items.map((item) => item.textContent)).toEqual([
      'authority must be an absolute https URL; got "ftp://x"',
      "clientID is not a Valet setting; check its spelling",
    ]);
    expect(items[0]?.querySelector("code")?.textContent).toBe("authority");
  });

  it("shows markup in a message as text, never as HTML", () => {
    const error = new ConfigError("config_invalid", [
      { field: "<b>x</b>", message: '<img src="x" onerror="boom">' },
    ]);
    const { container } = render(() => <ConfigErrorPage error={error} onRetry={() => {}} />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByRole("listitem").textContent).toBe('<b>x</b> <img src="x" onerror="boom">');
  });

  it("says the file could not be loaded when it is unreachable", () => {
    const error = new ConfigError("config_unreachable", [
      { field: "config.json", message: "could not be fetched" },
    ]);
    render(() => <ConfigErrorPage error={error} onRetry={() => {}} />);
    expect(screen.getByRole("main").textContent).toContain("could not load this deployment's config.json");
  });

  it("shows the message of an unexpected error", () => {
    render(() => <ConfigErrorPage error={new Error("something else broke")} onRetry={() => {}} />);
    expect(screen.getByRole("listitem").textContent).toBe("something else broke");
  });

  it("tries again when the button is pressed", () => {
    const onRetry = vi.fn();
    render(() => <ConfigErrorPage error={invalid} onRetry={onRetry} />);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
