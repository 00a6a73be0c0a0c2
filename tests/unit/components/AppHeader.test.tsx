import { Router } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it } from "vitest";
import { AppHeader, type AppHeaderProps } from "../../../src/components/AppHeader";

const noop = () => undefined;

function renderHeader(initial: Pick<AppHeaderProps, "signedIn" | "checking" | "userName">) {
  const [props, setProps] = createSignal(initial);
  render(() => (
    <Router>
      {[
        {
          path: "*",
          component: () => (
            <AppHeader
              signedIn={props().signedIn}
              checking={props().checking}
              userName={props().userName}
              busy={false}
              onSignIn={noop}
              onSignOut={noop}
            />
          ),
        },
      ]}
    </Router>
  ));
  return setProps;
}

describe("AppHeader", () => {
  afterEach(cleanup);

  it("offers neither Sign in nor Sign out while the stored session is being read", () => {
    const settle = renderHeader({ signedIn: false, checking: true });
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByRole("navigation", { name: "Main" })).toBeNull();

    settle({ signedIn: true, checking: false, userName: "Demo User" });
    expect(screen.getByRole("button", { name: "Sign out" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Sign in" })).toBeNull();
  });

  it("offers Sign in once no session was found", () => {
    const settle = renderHeader({ signedIn: false, checking: true });
    settle({ signedIn: false, checking: false });
    expect(screen.getByRole("button", { name: "Sign in" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Sign out" })).toBeNull();
  });
});
