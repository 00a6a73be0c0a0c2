import { Show } from "solid-js";

/** A token or other secret: hidden (and absent from the page) unless `revealed`. */
export function SecretValue(props: { value: string | undefined; revealed: boolean; testId?: string }) {
  return (
    <Show when={props.value} fallback={<span class="muted">none</span>}>
      {(value) => (
        <Show when={props.revealed} fallback={<span class="muted">hidden</span>}>
          <code class="secret" data-testid={props.testId}>
            {value()}
          </code>
        </Show>
      )}
    </Show>
  );
}
