import { For, Show } from "solid-js";
import type { JSX } from "solid-js";
import { ConfigError } from "./ConfigError";
import type { ConfigIssue } from "./ConfigError";

export interface ConfigErrorPageProps {
  error: ConfigError | Error;
  /** What "Try again" does; reloads the page unless a test supplies its own. */
  onRetry?: () => void;
}

/**
 * The whole page Valet shows when it cannot start because of its `config.json`. It is written for whoever deploys
 * the site, so it lists every setting that needs fixing rather than a generic failure.
 */
export function ConfigErrorPage(props: ConfigErrorPageProps): JSX.Element {
  // An unexpected Error still gets a line of its own, without a field to name.
  const issues = (): readonly ConfigIssue[] =>
    props.error instanceof ConfigError ? props.error.issues : [{ field: "", message: props.error.message }];
  const unreachable = () => props.error instanceof ConfigError && props.error.code === "config_unreachable";
  const retry = () => (props.onRetry ?? (() => location.reload()))();

  return (
    <main class="config-error">
      <h1>Valet is not configured correctly</h1>
      <p>
        <Show
          when={unreachable()}
          fallback={
            <>
              This deployment's <code>config.json</code> needs fixing before Valet can start. Whoever runs
              this site should correct the settings below, then try again.
            </>
          }
        >
          Valet could not load this deployment's <code>config.json</code>, which it needs before it can start.
          If the problem below is not a passing network fault, whoever runs this site needs to fix it.
        </Show>
      </p>
      <ul>
        <For each={issues()}>
          {(issue) => (
            <li>
              <Show when={issue.field !== ""}>
                <code>{issue.field}</code>{" "}
              </Show>
              {issue.message}
            </li>
          )}
        </For>
      </ul>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </main>
  );
}
