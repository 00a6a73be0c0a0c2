import { For, Show } from "solid-js";

export interface FilterChip {
  /** Stable per value, e.g. `type:Image`. */
  key: string;
  /** What is filtered, e.g. "Type: Image". */
  label: string;
}

export interface FilterChipsProps {
  chips: FilterChip[];
  onRemove: (key: string) => void;
  onClear: () => void;
}

/** The filters in force, each removable, and a way to remove them all. */
export function FilterChips(props: FilterChipsProps) {
  return (
    <Show when={props.chips.length > 0}>
      <div class="filter-chips">
        <ul class="chips" aria-label="Filters in use">
          <For each={props.chips}>
            {(chip) => (
              <li class="chip">
                <span>{chip.label}</span>
                <button
                  type="button"
                  aria-label={`Remove filter ${chip.label}`}
                  onClick={() => props.onRemove(chip.key)}
                >
                  ×
                </button>
              </li>
            )}
          </For>
        </ul>
        <button type="button" onClick={() => props.onClear()}>
          Clear all filters
        </button>
      </div>
    </Show>
  );
}
