import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";

/** One category in the tree, already shaped for display. */
export interface TreeItem {
  id: string;
  name: string;
  href: string;
  /** How many assets it holds, when known. */
  count?: number;
  children: readonly TreeItem[];
}

export interface CategoryTreeProps {
  items: readonly TreeItem[];
  /** Categories open at first, e.g. the current one's ancestors. */
  openIds: readonly string[];
}

/**
 * The category tree as a disclosure list of links (WAI-ARIA disclosure pattern): every branch has a button that
 * opens and closes it, and every category is a link, so Tab, Enter and Space are all it takes.
 */
export function CategoryTree(props: CategoryTreeProps) {
  // What the person opened or closed wins; untouched branches follow `openIds`, so the tree follows navigation.
  const [choices, setChoices] = createSignal<ReadonlyMap<string, boolean>>(new Map());
  const isOpen = (id: string) => choices().get(id) ?? props.openIds.includes(id);
  const toggle = (id: string) => setChoices((current) => new Map(current).set(id, !isOpen(id)));

  const Branch = (branch: { items: readonly TreeItem[]; id?: string; hidden?: boolean }) => (
    <ul class="tree" id={branch.id} hidden={branch.hidden}>
      <For each={branch.items}>
        {(item) => {
          const listId = `tree-${item.id}`;
          return (
            <li>
              <div class="tree-row">
                <Show
                  when={item.children.length > 0}
                  fallback={<span class="tree-spacer" aria-hidden="true" />}
                >
                  <button
                    type="button"
                    class="tree-toggle"
                    aria-expanded={isOpen(item.id)}
                    aria-controls={listId}
                    aria-label={`${item.name}: ${isOpen(item.id) ? "hide" : "show"} subcategories`}
                    onClick={() => toggle(item.id)}
                  >
                    <span aria-hidden="true">{isOpen(item.id) ? "▾" : "▸"}</span>
                  </button>
                </Show>
                {/* The router marks the current category's link with aria-current="page". */}
                <A href={item.href} end>
                  {item.name}
                </A>
                <Show when={item.count !== undefined}>
                  <span class="tree-count">
                    <span class="visually-hidden">, assets: </span>
                    {item.count}
                  </span>
                </Show>
              </div>
              {/* Closed branches stay in the page, hidden, so aria-controls always names a real element. */}
              <Show when={item.children.length > 0}>
                <Branch items={item.children} id={listId} hidden={!isOpen(item.id)} />
              </Show>
            </li>
          );
        }}
      </For>
    </ul>
  );

  return <Branch items={props.items} />;
}
