import { A, useNavigate } from "@solidjs/router";
import { createMemo, onCleanup, onMount, Show, useContext } from "solid-js";
import { AuthContext, toRouterPath } from "../auth";
import { neighbours, readResultsTrail, returningTo, writeResultsTrail } from "./resultsNavigation";

/** Keys typed into these belong to them; Escape there cancels an edit, not the asset. */
const OWNS_ESCAPE = "input, textarea, select, [contenteditable], dialog, [role='dialog']";

/**
 * On an asset opened from a page of results: the previous and next result, the way back, and Escape for it. Going
 * back focuses the tile of the asset shown now (after previous/next, that is a different tile than the one opened).
 */
export function ResultsNav(props: { assetId: string }) {
  // The base path the app is served under; a page rendered on its own (as in a unit test) is served at the root.
  const basePath = useContext(AuthContext)?.basePath ?? "/";
  const navigate = useNavigate();
  const trail = readResultsTrail(sessionStorage);
  const around = createMemo(() => neighbours(trail, props.assetId));

  const goBack = () => {
    if (!trail || !around()) return false;
    writeResultsTrail(sessionStorage, returningTo(trail, props.assetId));
    navigate(toRouterPath(trail.from, basePath));
    return true;
  };

  onMount(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest(OWNS_ESCAPE)) return;
      if (document.querySelector("dialog[open]")) return;
      if (goBack()) event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    onCleanup(() => document.removeEventListener("keydown", onKeyDown));
  });

  return (
    <Show when={around()}>
      {(place) => (
        <nav class="pager results-nav" aria-label="Results">
          <Show when={place().previous} fallback={<span />}>
            {(previous) => (
              <A href={previous().href} rel="prev">
                ← Previous: {previous().title}
              </A>
            )}
          </Show>
          <p>
            <A
              href={trail ? toRouterPath(trail.from, basePath) : "/assets"}
              onClick={(event) => {
                event.preventDefault();
                goBack();
              }}
            >
              Back to results
            </A>{" "}
            ({place().position} of {place().total}, or press Escape)
          </p>
          <Show when={place().next} fallback={<span />}>
            {(next) => (
              <A href={next().href} rel="next">
                Next: {next().title} →
              </A>
            )}
          </Show>
        </nav>
      )}
    </Show>
  );
}
