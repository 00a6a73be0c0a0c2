import { ErrorBoundary, For, Show, Suspense } from "solid-js";
import { useAuth } from "../auth";
import { ErrorPanel } from "../components/ErrorPanel";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { messageOf } from "../lib/messageOf";

// Claims about the token itself rather than the person; they belong on a session page, not a profile.
const protocolClaims = new Set([
  "iss",
  "aud",
  "exp",
  "iat",
  "nbf",
  "nonce",
  "at_hash",
  "azp",
  "sid",
  "auth_time",
]);

/** Who is signed in: the MediaValet user record and the id_token's claims about them. */
export default function ProfilePage() {
  const api = useApi();
  const auth = useAuth();
  const [user, { refetch }] = createAbortableResource(
    () => true,
    (_, signal) => api.getCurrentUser(signal),
  );
  const claims = () =>
    Object.entries(auth.state.user?.profile ?? {}).filter(([name]) => !protocolClaims.has(name));

  return (
    <>
      <h1 tabindex="-1">Profile</h1>
      <section aria-labelledby="mediavalet-user">
        <h2 id="mediavalet-user">MediaValet user</h2>
        <ErrorBoundary
          fallback={(error: unknown, reset) => (
            <ErrorPanel
              title="Your MediaValet user could not be loaded"
              message={messageOf(error)}
              onRetry={() => {
                void refetch();
                reset();
              }}
            />
          )}
        >
          <Suspense fallback={<p role="status">Loading your user…</p>}>
            <Show when={user()}>
              {(current) => (
                <dl class="facts">
                  <dt>Name</dt>
                  <dd data-testid="profile-name">
                    {current().firstName} {current().lastName}
                  </dd>
                  <dt>User name</dt>
                  <dd>{current().userName}</dd>
                  <dt>Email</dt>
                  <dd>{current().emailAddress}</dd>
                  <dt>User id</dt>
                  <dd>
                    <code>{current().id}</code>
                  </dd>
                </dl>
              )}
            </Show>
          </Suspense>
        </ErrorBoundary>
      </section>
      <section aria-labelledby="id-token-claims">
        <h2 id="id-token-claims">Claims from the id_token</h2>
        <dl class="facts">
          <For each={claims()}>
            {([name, value]) => (
              <>
                <dt>
                  <code>{name}</code>
                </dt>
                <dd>{typeof value === "string" ? value : JSON.stringify(value)}</dd>
              </>
            )}
          </For>
        </dl>
      </section>
    </>
  );
}
