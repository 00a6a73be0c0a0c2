import type { IdleSignOut } from "./session/createIdleSignOut";

function formatSeconds(total: number): string {
  const minutes = Math.floor(total / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return `${minutes}:${seconds}`;
}

/** The countdown before an idle sign-out, with the way to stay. */
export function IdleWarning(props: { idle: IdleSignOut; seconds: number }) {
  return (
    <section
      class="idle-warning panel"
      role="alertdialog"
      aria-labelledby="idle-heading"
      aria-describedby="idle-text"
    >
      <h2 id="idle-heading">Are you still there?</h2>
      <p id="idle-text">
        For your security, Valet will sign you out in <strong>{formatSeconds(props.seconds)}</strong> because
        nothing has happened for a while.
      </p>
      <button type="button" class="primary" onClick={() => props.idle.stayActive()}>
        Stay signed in
      </button>
    </section>
  );
}
