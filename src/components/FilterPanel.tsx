import { For, Show, type JSX } from "solid-js";
import "./FilterPanel.css";

/** One value a filter can take, with how many assets of the current search have it. */
export interface FacetValue {
  value: string;
  label: string;
  /** Undefined until the first counts arrive. */
  count: number | undefined;
  selected: boolean;
}

/** A group of checkboxes (any of them may be ticked: alternatives). */
export interface CheckGroup {
  kind: "check";
  key: string;
  legend: string;
  values: FacetValue[];
  /** Long groups (attributes) start folded unless something in them is chosen. */
  folded?: boolean;
}

/** One choice of several, e.g. a minimum rating. */
export interface RadioGroup {
  kind: "radio";
  key: string;
  legend: string;
  values: FacetValue[];
}

/** A range of days, with the years that have assets as one-click ranges. */
export interface DateGroup {
  kind: "date";
  key: string;
  legend: string;
  from?: string | undefined;
  to?: string | undefined;
  years: FacetValue[];
}

export type FilterGroup = CheckGroup | RadioGroup | DateGroup;

export interface FilterPanelProps {
  groups: FilterGroup[];
  /** True while counts for a changed search are on their way. */
  busy: boolean;
  onToggle: (group: string, value: string, selected: boolean) => void;
  onRange: (group: string, from: string | undefined, to: string | undefined) => void;
}

/** A value's label with its count; zero is said in words too, so dimming is never the only sign. */
function Labelled(props: { label: string; count: number | undefined }) {
  return (
    <>
      {props.count === undefined ? props.label : `${props.label} (${props.count})`}
      <Show when={props.count === 0}>
        <span class="visually-hidden"> none in this search</span>
      </Show>
    </>
  );
}

function FacetOption(props: {
  type: "checkbox" | "radio";
  group: string;
  value: FacetValue;
  onPick: (selected: boolean) => void;
}) {
  return (
    <li classList={{ "facet-zero": props.value.count === 0 && !props.value.selected }}>
      <label>
        <input
          type={props.type}
          name={`filter-${props.group}`}
          value={props.value.value}
          checked={props.value.selected}
          onChange={(event) => props.onPick(event.currentTarget.checked)}
        />
        <Labelled label={props.value.label} count={props.value.count} />
      </label>
    </li>
  );
}

/** The filter panel: every field's values with their counts for the current search, beside the grid. */
export function FilterPanel(props: FilterPanelProps) {
  const body = (group: FilterGroup): JSX.Element => {
    switch (group.kind) {
      case "check":
        return (
          <ul class="facet-values">
            <For each={group.values}>
              {(value) => (
                <FacetOption
                  type="checkbox"
                  group={group.key}
                  value={value}
                  onPick={(on) => props.onToggle(group.key, value.value, on)}
                />
              )}
            </For>
          </ul>
        );
      case "radio":
        return (
          <ul class="facet-values">
            <For each={group.values}>
              {(value) => (
                <FacetOption
                  type="radio"
                  group={group.key}
                  value={value}
                  onPick={() => props.onToggle(group.key, value.value, true)}
                />
              )}
            </For>
          </ul>
        );
      case "date":
        return (
          <>
            <div class="facet-range">
              <label>
                <span>From</span>
                <input
                  type="date"
                  value={group.from ?? ""}
                  onChange={(event) =>
                    props.onRange(group.key, event.currentTarget.value || undefined, group.to)
                  }
                />
              </label>
              <label>
                <span>To</span>
                <input
                  type="date"
                  value={group.to ?? ""}
                  onChange={(event) =>
                    props.onRange(group.key, group.from, event.currentTarget.value || undefined)
                  }
                />
              </label>
            </div>
            <Show when={group.years.length > 0}>
              <ul class="facet-years" aria-label={`${group.legend} by year`}>
                <For each={group.years}>
                  {(year) => (
                    <li classList={{ "facet-zero": year.count === 0 && !year.selected }}>
                      <button
                        type="button"
                        aria-pressed={year.selected}
                        onClick={() =>
                          year.selected
                            ? props.onRange(group.key, undefined, undefined)
                            : props.onRange(group.key, `${year.value}-01-01`, `${year.value}-12-31`)
                        }
                      >
                        <Labelled label={year.label} count={year.count} />
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        );
    }
  };
  return (
    <section class="filter-panel" aria-labelledby="filter-panel-heading" aria-busy={props.busy}>
      <h2 id="filter-panel-heading">Filters</h2>
      <For each={props.groups}>
        {(group) => (
          <Show
            when={group.kind === "check" && group.folded}
            fallback={
              <fieldset class="facet-group">
                <legend>{group.legend}</legend>
                {body(group)}
              </fieldset>
            }
          >
            <details
              class="facet-group"
              open={group.kind === "check" && group.values.some((v) => v.selected)}
            >
              <summary>{group.legend}</summary>
              <fieldset>
                <legend class="visually-hidden">{group.legend}</legend>
                {body(group)}
              </fieldset>
            </details>
          </Show>
        )}
      </For>
    </section>
  );
}
