import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { Lightbox } from "../api/lightboxEndpoints";
import { AsyncBoundary } from "../components/AsyncBoundary";
import { ConfirmDialog } from "../components/ConfirmDialog";
import "../components/ModalDialog.css";
import { useApi } from "./ApiContext";
import { createAbortableResource } from "./createAbortableResource";
import { messageOf } from "../lib/messageOf";
import { notPermittedMessage, permits } from "./permits";

const hrefOf = (id: string) => `/lightboxes/${encodeURIComponent(id)}`;
const countOf = (n: number) => `${n} asset${n === 1 ? "" : "s"}`;

/** The person's lightboxes and those shared with them: create, rename, delete (after asking), open. */
export default function LightboxesPage() {
  const api = useApi();
  const [lists, { refetch, mutate }] = createAbortableResource(
    () => true,
    async (_, signal) => {
      const [lightboxes, user, permissions] = await Promise.all([
        api.listLightboxes(signal),
        api.getCurrentUser(signal),
        api.getCurrentPermissions(signal),
      ]);
      return { lightboxes, userName: user.userName, permissions };
    },
  );
  const [notice, setNotice] = createSignal("");
  const [name, setName] = createSignal("");
  const [createError, setCreateError] = createSignal<string>();
  const [creating, setCreating] = createSignal(false);
  const [renaming, setRenaming] = createSignal<{ id: string; name: string; error?: string; busy: boolean }>();
  const [deleting, setDeleting] = createSignal<{ lightbox: Lightbox; error?: string; busy: boolean }>();

  const loaded = () => (lists.state === "ready" ? lists() : undefined);
  // MediaValet names the owner; without one, the owner's own rights tell a lightbox of one's own.
  const isOwn = (lightbox: Lightbox) =>
    lightbox.ownerName === undefined
      ? permits("lightbox:delete", lightbox.permissions)
      : lightbox.ownerName.toLowerCase() === (loaded()?.userName ?? "").toLowerCase();
  const replace = (change: (list: Lightbox[]) => Lightbox[]) =>
    mutate((current) => (current ? { ...current, lightboxes: change(current.lightboxes) } : current));

  async function create(event: SubmitEvent) {
    event.preventDefault();
    const wanted = name().trim();
    if (wanted === "") {
      setCreateError("Give the lightbox a name.");
      return;
    }
    setCreating(true);
    setCreateError(undefined);
    try {
      const created = await api.createLightbox({ name: wanted });
      replace((list) => [created, ...list]);
      setName("");
      setNotice(`Created the lightbox “${created.name}”.`);
    } catch (error) {
      setCreateError(messageOf(error));
    } finally {
      setCreating(false);
    }
  }

  async function rename(event: SubmitEvent) {
    event.preventDefault();
    const current = renaming();
    if (!current) return;
    const lightbox = loaded()?.lightboxes.find((entry) => entry.id === current.id);
    if (!lightbox) return;
    const wanted = current.name.trim();
    if (wanted === "") {
      setRenaming({ ...current, error: "A lightbox needs a name." });
      return;
    }
    setRenaming({ ...current, busy: true, error: undefined });
    try {
      const updated = await api.updateLightbox(lightbox.id, {
        name: wanted,
        description: lightbox.description,
      });
      replace((list) =>
        list.map((entry) =>
          entry.id === lightbox.id
            ? { ...entry, name: updated.name, description: updated.description }
            : entry,
        ),
      );
      setRenaming(undefined);
      setNotice(`Renamed to “${updated.name}”.`);
      queueMicrotask(() => document.getElementById(`rename-${lightbox.id}`)?.focus());
    } catch (error) {
      setRenaming({ ...current, busy: false, error: messageOf(error) });
    }
  }

  async function remove() {
    const current = deleting();
    if (!current) return;
    setDeleting({ ...current, busy: true, error: undefined });
    try {
      await api.deleteLightbox(current.lightbox.id);
      replace((list) => list.filter((entry) => entry.id !== current.lightbox.id));
      setDeleting(undefined);
      setNotice(`Deleted the lightbox “${current.lightbox.name}”.`);
      queueMicrotask(() => document.querySelector<HTMLElement>("h1")?.focus());
    } catch (error) {
      setDeleting({ ...current, busy: false, error: messageOf(error) });
    }
  }

  const Row = (rowProps: { lightbox: Lightbox }) => {
    const lightbox = () => rowProps.lightbox;
    const editing = () => {
      const current = renaming();
      return current?.id === lightbox().id ? current : undefined;
    };
    return (
      <li class="lightbox-row">
        <Show
          when={editing()}
          fallback={
            <>
              <A href={hrefOf(lightbox().id)} class="lightbox-name">
                {lightbox().name}
              </A>{" "}
              <span class="empty">
                {countOf(lightbox().assetCount)}
                {isOwn(lightbox()) ? "" : ` · shared by ${lightbox().ownerName ?? "someone else"}, view only`}
              </span>
              <Show when={lightbox().description}>
                <p>{lightbox().description}</p>
              </Show>
              <div class="inline-actions">
                <Show when={permits("lightbox:editDetails", lightbox().permissions)}>
                  <button
                    type="button"
                    id={`rename-${lightbox().id}`}
                    aria-label={`Rename ${lightbox().name}`}
                    onClick={() => setRenaming({ id: lightbox().id, name: lightbox().name, busy: false })}
                  >
                    Rename
                  </button>
                </Show>
                <Show when={permits("lightbox:delete", lightbox().permissions)}>
                  <button
                    type="button"
                    class="danger"
                    aria-label={`Delete ${lightbox().name}…`}
                    onClick={() => setDeleting({ lightbox: lightbox(), busy: false })}
                  >
                    Delete…
                  </button>
                </Show>
              </div>
            </>
          }
        >
          {(current) => (
            <form class="inline-actions" onSubmit={(event) => void rename(event)}>
              <label for={`name-${lightbox().id}`}>New name for “{lightbox().name}”</label>
              <input
                id={`name-${lightbox().id}`}
                value={current().name}
                autofocus
                aria-invalid={current().error ? "true" : undefined}
                onInput={(event) => setRenaming({ ...current(), name: event.currentTarget.value })}
                onKeyDown={(event) => {
                  if (event.key === "Escape") setRenaming(undefined);
                }}
              />
              <button type="submit" class="primary" disabled={current().busy}>
                Save name
              </button>
              <button type="button" onClick={() => setRenaming(undefined)}>
                Cancel
              </button>
              <Show when={current().error}>
                {(error) => (
                  <p role="alert" class="form-error">
                    {error()}
                  </p>
                )}
              </Show>
            </form>
          )}
        </Show>
      </li>
    );
  };

  return (
    <>
      <h1 tabindex="-1">Lightboxes</h1>
      <p role="status" class="notice">
        {notice()}
      </p>
      <AsyncBoundary
        loading="Loading your lightboxes…"
        errorTitle="The lightboxes could not be loaded"
        onRetry={() => void refetch()}
      >
        <Show when={lists()}>
          {(data) => (
            <>
              <section aria-labelledby="new-lightbox" class="panel">
                <h2 id="new-lightbox">New lightbox</h2>
                <Show
                  when={permits("lightbox:create", data().permissions)}
                  fallback={<p>{notPermittedMessage("lightbox:create")}</p>}
                >
                  <form class="inline-actions" onSubmit={(event) => void create(event)}>
                    <label for="new-lightbox-name">Name</label>
                    <input
                      id="new-lightbox-name"
                      value={name()}
                      aria-invalid={createError() ? "true" : undefined}
                      onInput={(event) => setName(event.currentTarget.value)}
                    />
                    <button type="submit" class="primary" disabled={creating()}>
                      Create lightbox
                    </button>
                  </form>
                  <Show when={createError()}>
                    {(error) => (
                      <p role="alert" class="form-error">
                        {error()}
                      </p>
                    )}
                  </Show>
                </Show>
              </section>
              <section aria-labelledby="own-lightboxes">
                <h2 id="own-lightboxes">Yours</h2>
                <Show
                  when={data().lightboxes.some(isOwn)}
                  fallback={<p class="empty">You have no lightboxes yet.</p>}
                >
                  <ul class="plain-list lightbox-list">
                    <For each={data().lightboxes.filter(isOwn)}>
                      {(lightbox) => <Row lightbox={lightbox} />}
                    </For>
                  </ul>
                </Show>
              </section>
              <section aria-labelledby="shared-lightboxes">
                <h2 id="shared-lightboxes">Shared with you</h2>
                <Show
                  when={data().lightboxes.some((lightbox) => !isOwn(lightbox))}
                  fallback={<p class="empty">Nobody has shared a lightbox with you.</p>}
                >
                  <ul class="plain-list lightbox-list">
                    <For each={data().lightboxes.filter((lightbox) => !isOwn(lightbox))}>
                      {(lightbox) => <Row lightbox={lightbox} />}
                    </For>
                  </ul>
                </Show>
              </section>
            </>
          )}
        </Show>
      </AsyncBoundary>
      <Show when={deleting()}>
        {(current) => (
          <ConfirmDialog
            title={`Delete “${current().lightbox.name}”?`}
            message="The lightbox and its list of assets go for good; the assets themselves stay in the library."
            confirmLabel="Delete lightbox"
            busy={current().busy}
            error={current().error}
            onConfirm={() => void remove()}
            onCancel={() => setDeleting(undefined)}
          />
        )}
      </Show>
    </>
  );
}
