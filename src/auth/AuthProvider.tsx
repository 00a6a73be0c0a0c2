import type { AuthClient } from "./AuthClient";
import { Show, untrack, type JSX } from "solid-js";
import { AuthContext } from "./AuthContext";
import { createAuth, type Auth } from "./createAuth";
import type { IdleSignOut } from "./session/createIdleSignOut";
import { IdleWarning } from "./IdleWarning";

export type AuthProviderProps = { children: JSX.Element } & (
  { auth: Auth } | { userManager: AuthClient; basePath: string }
);

/**
 * Makes the app's {@link Auth} available to everything below it. Hand it an `auth` made by `createAuth` when
 * something outside the tree (the API client) needs it too, or a `userManager` to have one made here.
 */
export function AuthProvider(props: AuthProviderProps) {
  // Read once: the auth of an app never changes, and a second one would mean a second renewal timer.
  const auth = untrack(() =>
    "auth" in props ? props.auth : createAuth({ userManager: props.userManager, basePath: props.basePath }),
  );
  return (
    <AuthContext.Provider value={auth}>
      {props.children}
      <Show when={auth.idle?.secondsLeft()}>
        {(seconds) => <IdleWarning idle={auth.idle as IdleSignOut} seconds={seconds()} />}
      </Show>
    </AuthContext.Provider>
  );
}
