import { createMemo, type JSX } from "solid-js";
import type { FacetQuery } from "../../api";
import { FilterChips } from "../../components/FilterChips";
import { FilterPanel } from "../../components/FilterPanel";
import { useApi } from "../ApiContext";
import { createAbortableResource } from "../createAbortableResource";
import {
  applyRange,
  applyToggle,
  filterChips,
  filterGroups,
  isFacetAttribute,
  removeChip,
} from "./filterGroups";
import { NO_FILTERS, type FilterState } from "./FilterState";

export interface FilteredViewProps {
  filters: FilterState;
  /** The search the counts are for; already debounced by the page, so one change costs one facets request. */
  facetQuery: FacetQuery;
  onChange: (filters: FilterState) => void;
  /** Below the panel, e.g. saved searches. */
  aside?: JSX.Element;
  /**
   * False while the page's results are still loading: the counts and definitions wait, so the results' own request
   * has the network and the main thread to itself (default true).
   */
  load?: boolean;
  /** The results. */
  children: JSX.Element;
}

/**
 * The filter panel beside the results, with the chips of the filters in force above them. Counts come from one
 * `GET /search/facets` per search; while new ones load the old ones stay, so the panel does not jump.
 */
export function FilteredView(props: FilteredViewProps) {
  const api = useApi();
  const loading = () => props.load ?? true;
  const [attributes] = createAbortableResource(
    () => loading(),
    (_, signal) => api.listAttributes(signal),
  );
  const [facets] = createAbortableResource(
    () => loading() && props.facetQuery,
    (query, signal) => api.getFacets(query, signal),
  );
  // Failed counts or definitions leave the panel usable without them, rather than hiding the results.
  const definitions = () => (attributes.state === "ready" ? attributes().filter(isFacetAttribute) : []);
  const counts = () =>
    facets.state === "ready" || facets.state === "refreshing" ? facets.latest : undefined;
  const names = createMemo(() => new Map(definitions().map((attribute) => [attribute.id, attribute.name])));
  return (
    <div class="filter-layout">
      <aside aria-label="Filters and saved searches">
        <FilterPanel
          groups={filterGroups(props.filters, counts(), definitions())}
          busy={facets.loading}
          onToggle={(group, value, on) => props.onChange(applyToggle(props.filters, group, value, on))}
          onRange={(group, from, to) => props.onChange(applyRange(props.filters, group, from, to))}
        />
        {props.aside}
      </aside>
      <div>
        <FilterChips
          chips={filterChips(props.filters, names())}
          onRemove={(key) => props.onChange(removeChip(props.filters, key))}
          onClear={() => props.onChange(NO_FILTERS)}
        />
        {props.children}
      </div>
    </div>
  );
}
