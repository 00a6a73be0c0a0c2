import { createRoot, createSignal } from "solid-js";
import { afterEach, describe, expect, it } from "vitest";
import { createSelection, SELECTION_KEY, type SelectedAsset } from "../../../src/pages/createSelection";

const asset = (n: number): SelectedAsset => ({ id: `a${n}`, title: `Asset ${n}` });
const listing = "search=beach";

function setUp(owner = "dana", storage: Storage = window.sessionStorage) {
  const [who, setWho] = createSignal<string | undefined>(owner);
  let dispose = () => {};
  const selection = createRoot((disposeRoot) => {
    dispose = disposeRoot;
    return createSelection({ storage, owner: who, limit: 5 });
  });
  disposers.push(dispose);
  return { selection, setWho };
}

const disposers: (() => void)[] = [];
afterEach(() => {
  disposers.splice(0).forEach((dispose) => dispose());
  window.sessionStorage.clear();
});

describe("createSelection", () => {
  it("toggles assets in and out and counts them", () => {
    const { selection } = setUp();
    selection.toggle(asset(1));
    selection.toggle(asset(2));
    selection.toggle(asset(1));
    expect(selection.items()).toEqual([asset(2)]);
    expect(selection.has("a2")).toBe(true);
    expect(selection.count()).toBe(1);
  });

  it("extends from the last click to a Shift+click on another page, reading the assets in between", async () => {
    const { selection } = setUp();
    const asked: [number, number][] = [];
    selection.toggle(asset(48), { listing, index: 48 });
    const extended = await selection.extendTo({ listing, index: 51 }, async (start, end) => {
      asked.push([start, end]);
      return [48, 49, 50, 51].map(asset);
    });

    expect(extended).toBe(true);
    expect(asked).toEqual([[48, 51]]);
    expect(selection.items().map((item) => item.id)).toEqual(["a48", "a49", "a50", "a51"]);
  });

  it("does not extend across listings: a range in another search has no start", async () => {
    const { selection } = setUp();
    selection.toggle(asset(1), { listing, index: 1 });
    const extended = await selection.extendTo({ listing: "search=city", index: 4 }, async () => [asset(9)]);
    expect(extended).toBe(false);
    expect(selection.count()).toBe(1);
  });

  it("stops at its limit", () => {
    const { selection } = setUp();
    selection.add([1, 2, 3, 4, 5, 6, 7].map(asset));
    expect(selection.count()).toBe(5);
    expect(selection.full()).toBe(true);
  });

  it("survives a reload: a new selection in the same tab reads what the last one stored", () => {
    setUp().selection.add([asset(1), asset(2)]);
    expect(setUp().selection.items()).toEqual([asset(1), asset(2)]);
  });

  it("is not read by another person signing in, in the same tab", () => {
    setUp("dana").selection.add([asset(1)]);
    expect(setUp("alex").selection.count()).toBe(0);
  });

  it("is dropped from storage when its owner signs out", async () => {
    const { selection, setWho } = setUp();
    selection.add([asset(1)]);
    expect(window.sessionStorage.getItem(SELECTION_KEY)).not.toBeNull();
    setWho(undefined);
    await Promise.resolve();
    expect(selection.count()).toBe(0);
    expect(window.sessionStorage.getItem(SELECTION_KEY)).toBeNull();
  });
});
