import { createMemo, For, Show, untrack, type Component } from "solid-js";
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

/**
 * A list whose items are rebuilt whole on every change (new counts, a box ticked), shown so that each item keeps its
 * elements for as long as its key stays: otherwise every checkbox was replaced when the counts arrived or one was
 * ticked, which dropped the focus of a keyboard user and lost a click made at that moment.
 */
function ByKey<T>(props: {
  each: readonly T[];
  keyOf: (item: T) => string;
  /** One item's elements; `item` is the item of that key as it is now. */
  row: Component<{ item: T }>;
}) {
  const items = createMemo(() => new Map(props.each.map((item) => [props.keyOf(item), item])));
  const keys = createMemo(() => [...items().keys()], [], {
    equals: (a, b) => a.length === b.length && a.every((key, index) => key === b[index]),
  });
  return (
    <For each={keys()}>
      {(key) => {
        // The last one seen, for the moment between the key leaving the list and its row being removed.
        const item = createMemo<T>((last) => items().get(key) ?? last, untrack(items).get(key) as T);
        return <props.row item={item()} />;
      }}
    </For>
  );
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

type Handlers = Pick<FilterPanelProps, "onToggle" | "onRange">;

/** A group's checkboxes or radio buttons. */
function FacetValues(props: { type: "checkbox" | "radio"; group: CheckGroup | RadioGroup } & Handlers) {
  return (
    <ul class="facet-values">
      <ByKey
        each={props.group.values}
        keyOf={(value) => value.value}
        row={(row) => (
          <FacetOption
            type={props.type}
            group={props.group.key}
            value={row.item}
            onPick={(on) => props.onToggle(props.group.key, row.item.value, props.type === "radio" || on)}
          />
        )}
      />
    </ul>
  );
}

/** A range of days, and the years that have assets as one-click ranges. */
function DateRangeFields(props: { group: DateGroup } & Handlers) {
  return (
    <>
      <div class="facet-range">
        <label>
          <span>From</span>
          <input
            type="date"
            value={props.group.from ?? ""}
            onChange={(event) =>
              props.onRange(props.group.key, event.currentTarget.value || undefined, props.group.to)
            }
          />
        </label>
        <label>
          <span>To</span>
          <input
            type="date"
            value={props.group.to ?? ""}
            onChange={(event) =>
              props.onRange(props.group.key, props.group.from, event.currentTarget.value || undefined)
            }
          />
        </label>
      </div>
      <Show when={props.group.years.length > 0}>
        <ul class="facet-years" aria-label={`${props.group.legend} by year`}>
          <ByKey
            each={props.group.years}
            keyOf={(year) => year.value}
            row={(row) => (
              <li classList={{ "facet-zero": row.item.count === 0 && !row.item.selected }}>
                <button
                  type="button"
                  aria-pressed={row.item.selected}
                  onClick={() =>
                    row.item.selected
                      ? props.onRange(props.group.key, undefined, undefined)
                      : props.onRange(props.group.key, `${row.item.value}-01-01`, `${row.item.value}-12-31`)
                  }
                >
                  <Labelled label={row.item.label} count={row.item.count} />
                </button>
              </li>
            )}
          />
        </ul>
      </Show>
    </>
  );
}

/** What a group offers, by its kind (which never changes for a group). */
function GroupBody(props: { group: FilterGroup } & Handlers) {
  return (
    <Show
      when={props.group.kind !== "date"}
      fallback={
        <DateRangeFields group={props.group as DateGroup} onToggle={props.onToggle} onRange={props.onRange} />
      }
    >
      <FacetValues
        type={props.group.kind === "radio" ? "radio" : "checkbox"}
        group={props.group as CheckGroup | RadioGroup}
        onToggle={props.onToggle}
        onRange={props.onRange}
      />
    </Show>
  );
}

/** One group in its frame: a fieldset, or a folded one (long attribute groups) that opens when one is chosen. */
function GroupFrame(props: { group: FilterGroup } & Handlers) {
  const folded = () => props.group.kind === "check" && props.group.folded === true;
  return (
    <Show
      when={folded()}
      fallback={
        <fieldset class="facet-group">
          <legend>{props.group.legend}</legend>
          <GroupBody group={props.group} onToggle={props.onToggle} onRange={props.onRange} />
        </fieldset>
      }
    >
      <details
        class="facet-group"
        open={props.group.kind === "check" && props.group.values.some((value) => value.selected)}
      >
        <summary>{props.group.legend}</summary>
        <fieldset>
          <legend class="visually-hidden">{props.group.legend}</legend>
          <GroupBody group={props.group} onToggle={props.onToggle} onRange={props.onRange} />
        </fieldset>
      </details>
    </Show>
  );
}

/** The filter panel: every field's values with their counts for the current search, beside the grid. */
export function FilterPanel(props: FilterPanelProps) {
  return (
    <section class="filter-panel" aria-labelledby="filter-panel-heading" aria-busy={props.busy}>
      <h2 id="filter-panel-heading">Filters</h2>
      <ByKey
        each={props.groups}
        keyOf={(group) => group.key}
        row={(row) => <GroupFrame group={row.item} onToggle={props.onToggle} onRange={props.onRange} />}
      />
    </section>
  );
}
