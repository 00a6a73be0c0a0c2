import { For, Show, type JSX } from "solid-js";

export interface SelectionBarAction {
  id: string;
  label: string;
  /** Why the person may not take this action; when set, the action is explained instead of offered. */
  notPermitted?: string;
}

/** The actions that are not offered, grouped by the reason, so one reason is said once. */
function refusedGroups(actions: readonly SelectionBarAction[]): { labels: string[]; reason: string }[] {
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    if (action.notPermitted === undefined) continue;
    groups.set(action.notPermitted, [...(groups.get(action.notPermitted) ?? []), action.label]);
  }
  return [...groups].map(([reason, labels]) => ({ labels, reason }));
}

/** "A", "A and B", "A, B and C". */
function listed(labels: readonly string[]): string {
  return labels.length < 2
    ? (labels[0] ?? "")
    : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1) ?? ""}`;
}

/**
 * The bar that stays in view while anything is selected: the count, Clear, ways to select more, and the actions on
 * the selection. `children` is a slot for actions that live elsewhere (e.g. download). An action the person may not
 * take is not a button that fails later: its label and the reason are said instead.
 */
export function SelectionBar(props: {
  count: number;
  limit: number;
  /** How many results the current listing has, for "Select all N results"; undefined hides it. */
  total?: number;
  busy?: string;
  actions: readonly SelectionBarAction[];
  onAction: (id: string) => void;
  onSelectPage: () => void;
  onSelectAll: () => void;
  onClear: () => void;
  children?: JSX.Element;
}) {
  const allCount = () => Math.min(props.total ?? 0, props.limit);
  return (
    <div class="selection-bar" role="region" aria-label="Selection">
      <span class="selection-count" role="status" data-testid="selection-count">
        {props.count} selected{props.count >= props.limit ? ` (the most a selection holds)` : ""}
      </span>
      <button type="button" onClick={() => props.onSelectPage()}>
        Select this page
      </button>
      <Show when={props.total !== undefined && props.total > 0}>
        <button type="button" onClick={() => props.onSelectAll()} disabled={props.busy !== undefined}>
          Select all {allCount()} results
        </button>
      </Show>
      <Show when={props.busy}>{(busy) => <span role="status">{busy()}</span>}</Show>
      <Show when={props.count > 0}>
        <For each={props.actions.filter((action) => action.notPermitted === undefined)}>
          {(action) => (
            <button type="button" onClick={() => props.onAction(action.id)}>
              {action.label}
            </button>
          )}
        </For>
        {props.children}
        <For each={refusedGroups(props.actions)}>
          {(group) => (
            <p class="empty selection-not-permitted">
              {listed(group.labels)} not offered: {group.reason}
            </p>
          )}
        </For>
        <button type="button" onClick={() => props.onClear()}>
          Clear selection
        </button>
      </Show>
    </div>
  );
}
