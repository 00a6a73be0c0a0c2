import { For } from "solid-js";

export interface FilterOption {
  value: string;
  label: string;
}

export interface LibraryFiltersProps {
  search: string;
  sort: string;
  sorts: readonly FilterOption[];
  /** Fired on submit only, so typing costs no request per keystroke. */
  onSearch: (text: string) => void;
  onSort: (value: string) => void;
}

/** The library's search box and sort order (the filters are in FilterPanel). */
export function LibraryFilters(props: LibraryFiltersProps) {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    props.onSearch(String(data.get("search") ?? "").trim());
  };
  return (
    <div class="library-filters">
      <form role="search" class="search" onSubmit={onSubmit}>
        <label for="library-search">Search assets</label>
        <input id="library-search" name="search" type="search" value={props.search} autocomplete="off" />
        <button type="submit">Search</button>
      </form>
      <div class="filter-selects">
        <label>
          <span>Sort by</span>
          <select
            name="sort"
            value={props.sort}
            onChange={(event) => props.onSort(event.currentTarget.value)}
          >
            <For each={props.sorts}>{(option) => <option value={option.value}>{option.label}</option>}</For>
          </select>
        </label>
      </div>
    </div>
  );
}
