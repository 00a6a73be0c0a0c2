import { createSignal, For, Show } from "solid-js";
import { useAuth, type Auth } from "../auth";
import { formatCountdown } from "../components/formatCountdown";
import { formatDate } from "../components/formatDate";
import { SecretValue } from "../components/SecretValue";
import { createNow } from "./createNow";

// auth/ does not export its status type by name; this follows it wherever it goes.
type RenewalStatus = ReturnType<Auth["renewal"]>;

// Made with the page, not at the first renewal: a browser's first time format in a page readies its locale data,
// which made the first "Renew now" after a reload slower than the later ones (issue 16).
const RENEWED_AT = new Intl.DateTimeFormat(undefined, {
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
});

/** How the last "Renew now" on this page ended; what renewal is doing now comes from `auth.renewal()`. */
type LastRenewal = { outcome: "renewed"; at: number } | { outcome: "failed"; message: string };

/** The signed-in session: who, which scopes, when the access token expires, and renewal and sign-out by hand. */
export default function SessionPage() {
  const auth = useAuth();
  const now = createNow();
  const [last, setLast] = createSignal<LastRenewal>();
  const [revealed, setRevealed] = createSignal(false);
  const user = () => auth.state.user;
  const scopes = () => (user()?.scope ?? "").split(" ").filter((scope) => scope !== "");
  const expiresAt = () => {
    const seconds = user()?.expires_at;
    return seconds === undefined ? undefined : seconds * 1000;
  };

  async function renewNow(): Promise<void> {
    // force: the person asked, so renew even though the token is not yet due.
    const token = await auth.renew({ force: true });
    setLast(
      token === undefined
        ? { outcome: "failed", message: auth.state.error?.message ?? "The session could not be renewed." }
        : { outcome: "renewed", at: Date.now() },
    );
  }

  return (
    <>
      <h1 tabindex="-1">Session</h1>
      <Show when={user()} fallback={<p>Nobody is signed in.</p>}>
        {(current) => (
          <>
            <section aria-labelledby="session-user">
              <h2 id="session-user">Signed in</h2>
              <dl class="facts">
                <dt>Name</dt>
                <dd data-testid="session-name">
                  {current().profile.name ?? current().profile.preferred_username ?? current().profile.sub}
                </dd>
                <dt>Subject</dt>
                <dd>
                  <code>{current().profile.sub}</code>
                </dd>
                <dt>Granted scopes</dt>
                <dd>
                  <ul class="chips" aria-label="Granted scopes">
                    <For each={scopes()}>{(scope) => <li class="chip">{scope}</li>}</For>
                  </ul>
                </dd>
              </dl>
            </section>
            <section aria-labelledby="session-token">
              <h2 id="session-token">Access token</h2>
              <dl class="facts">
                <dt>Expires in</dt>
                <dd>
                  <span role="timer" data-testid="expires-in">
                    {expiresAt() === undefined ? "unknown" : formatCountdown((expiresAt() ?? 0) - now())}
                  </span>
                </dd>
                <dt>Expires at</dt>
                <dd>
                  {expiresAt() === undefined ? "—" : formatDate(new Date(expiresAt() ?? 0).toISOString())}
                </dd>
                <dt>Renewal</dt>
                <dd>
                  {/* A status inside the dd: the dd itself must keep its role for the list to make sense. */}
                  <span role="status" data-testid="renewal-state">
                    {describeRenewal(auth.renewal(), last())}
                  </span>
                </dd>
              </dl>
              <div class="actions">
                <button
                  type="button"
                  class="primary"
                  disabled={auth.renewal() === "renewing"}
                  onClick={() => void renewNow()}
                >
                  Renew now
                </button>
                <button type="button" onClick={() => void auth.signOut()}>
                  Sign out
                </button>
              </div>
            </section>
            <section aria-labelledby="session-tokens">
              <h2 id="session-tokens">Tokens</h2>
              <p class="hint">
                Tokens are keys to your MediaValet account. Reveal them only on a screen nobody else sees.
              </p>
              <button type="button" aria-pressed={revealed()} onClick={() => setRevealed((shown) => !shown)}>
                {revealed() ? "Hide tokens" : "Reveal tokens"}
              </button>
              <dl class="facts tokens">
                <dt>Access token</dt>
                <dd>
                  <SecretValue value={current().access_token} revealed={revealed()} testId="access-token" />
                </dd>
                <dt>Refresh token</dt>
                <dd>
                  <SecretValue value={current().refresh_token} revealed={revealed()} testId="refresh-token" />
                </dd>
                <dt>ID token</dt>
                <dd>
                  <SecretValue value={current().id_token} revealed={revealed()} testId="id-token" />
                </dd>
              </dl>
            </section>
          </>
        )}
      </Show>
    </>
  );
}

function describeRenewal(status: RenewalStatus, last: LastRenewal | undefined): string {
  if (last === undefined) return status;
  switch (last.outcome) {
    case "renewed":
      return `${status} (renewed at ${RENEWED_AT.format(last.at)})`;
    case "failed":
      return `${status} (the last renewal failed: ${last.message})`;
  }
}
