import { createSignal, For, Show } from "solid-js";
import type { AssetComment } from "../api";
import { AssetGrid } from "../components/AssetGrid";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { formatDate } from "../components/formatDate";
import { useApi } from "./ApiContext";
import "./AssetActivity.css";
import { createAbortableResource } from "./createAbortableResource";
import { historyLabel } from "./historyLabel";
import { refusalMessage } from "./refusalMessage";
import { toAssetTile } from "./toAssetTile";

const COMMENT_ADVICE =
  "Commenting needs the “Comment” permission; a MediaValet administrator can grant it. You can still read the comments.";
const MAX_COMMENT_LENGTH = 2000;

/** The Activity panel of an asset: its comments (read and add), its history, and the assets related to it. */
export default function AssetActivity(props: { assetId: string }) {
  const api = useApi();
  const [comments, commentActions] = createAbortableResource(
    () => props.assetId,
    (assetId, signal) => api.listComments(assetId, signal),
  );
  const [history, historyActions] = createAbortableResource(
    () => props.assetId,
    (assetId, signal) => api.getHistory(assetId, signal),
  );
  const [related, relatedActions] = createAbortableResource(
    () => props.assetId,
    async (assetId, signal) => (await api.listRelatedAssets(assetId, signal)).map(toAssetTile),
  );
  const [draft, setDraft] = createSignal("");
  const [sending, setSending] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();
  const [notice, setNotice] = createSignal("");

  async function addComment() {
    const text = draft().trim();
    if (text === "") {
      setProblem("Write a comment first.");
      return;
    }
    setSending(true);
    setProblem(undefined);
    setNotice("");
    try {
      const added = await api.addComment(props.assetId, text);
      commentActions.mutate((list) => [...(list ?? []), added]);
      setDraft("");
      setNotice("Your comment is added.");
      // The history gains a "Commented" event.
      void historyActions.refetch();
    } catch (failure) {
      setProblem(refusalMessage(failure, COMMENT_ADVICE));
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="activity-panel" aria-labelledby="asset-activity">
      <h2 id="asset-activity">Activity</h2>
      <h3 id="asset-comments">Comments</h3>
      <AsyncBoundary
        loading="Loading comments…"
        errorTitle="The comments could not be loaded"
        onRetry={() => void commentActions.refetch()}
      >
        <Show when={comments()}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p class="empty">No comments yet.</p>}>
              <ol class="comment-list" aria-labelledby="asset-comments">
                <For each={list()}>{(comment) => <CommentItem comment={comment} />}</For>
              </ol>
            </Show>
          )}
        </Show>
      </AsyncBoundary>
      <form
        class="comment-form"
        onSubmit={(event) => {
          event.preventDefault();
          void addComment();
        }}
      >
        <label for="new-comment">Add a comment</label>
        <textarea
          id="new-comment"
          maxLength={MAX_COMMENT_LENGTH}
          value={draft()}
          onInput={(event) => setDraft(event.currentTarget.value)}
          aria-describedby={problem() ? "comment-problem" : undefined}
        />
        <Show when={problem()}>
          {(message) => (
            <p id="comment-problem" role="alert">
              {message()}
            </p>
          )}
        </Show>
        <button type="submit" disabled={sending()}>
          Add comment
        </button>
      </form>
      <p class="activity-status" role="status" aria-live="polite">
        {sending() ? "Adding your comment…" : notice()}
      </p>

      <h3 id="asset-history">History</h3>
      <AsyncBoundary
        loading="Loading the history…"
        errorTitle="The history could not be loaded"
        onRetry={() => void historyActions.refetch()}
      >
        <Show when={history()}>
          {(entries) => (
            <Show when={entries().length > 0} fallback={<p class="empty">No history recorded.</p>}>
              <table class="history-table" aria-labelledby="asset-history">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">What</th>
                    <th scope="col">Who</th>
                    <th scope="col">Shared to</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={entries()}>
                    {(entry) => (
                      <tr>
                        <td>{formatDate(entry.date)}</td>
                        <td>{historyLabel(entry.type)}</td>
                        <td>{entry.username ?? "—"}</td>
                        <td>{entry.sharedTo ?? "—"}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          )}
        </Show>
      </AsyncBoundary>

      <h3 id="asset-related">Related assets</h3>
      <AsyncBoundary
        loading="Loading related assets…"
        errorTitle="The related assets could not be loaded"
        onRetry={() => void relatedActions.refetch()}
      >
        <Show when={related()}>
          {(tiles) => (
            <Show when={tiles().length > 0} fallback={<p class="empty">No related assets.</p>}>
              <AssetGrid tiles={tiles()} label="Related assets" />
            </Show>
          )}
        </Show>
      </AsyncBoundary>
    </section>
  );
}

function CommentItem(props: { comment: AssetComment }) {
  const author = () => {
    const by = props.comment.addedBy;
    if (!by) return "Someone";
    const name = [by.firstName, by.lastName].filter(Boolean).join(" ");
    return name === "" ? by.username : `${name} (${by.username})`;
  };
  return (
    <li>
      <p class="comment-meta">
        {author()}, {formatDate(props.comment.addedAt)}
      </p>
      <p class="comment-text">{props.comment.comment}</p>
    </li>
  );
}
