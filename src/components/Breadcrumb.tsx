import { A } from "@solidjs/router";
import { For, Show } from "solid-js";

export interface BreadcrumbStep {
  name: string;
  /** Absent for a step that cannot be linked; the last step is never linked. */
  href?: string;
}

/** Where a page sits, from the top: a navigation landmark whose last step is the current page. */
export function Breadcrumb(props: { steps: readonly BreadcrumbStep[] }) {
  return (
    <nav class="breadcrumb" aria-label="Breadcrumb">
      <ol>
        <For each={props.steps}>
          {(step, index) => (
            <li>
              <Show
                when={index() < props.steps.length - 1 && step.href}
                fallback={
                  <span aria-current={index() === props.steps.length - 1 ? "page" : undefined}>
                    {step.name}
                  </span>
                }
              >
                {(href) => <A href={href()}>{step.name}</A>}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
