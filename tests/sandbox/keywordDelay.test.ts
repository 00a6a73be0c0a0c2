import { beforeAll, describe, expect, it, vi } from "vitest";
import { SandboxControlError, createSandboxControl } from "../../sandbox/control/SandboxControl";
import { SANDBOX_DEFAULTS } from "../../sandbox/startSandbox";
import { apiCall, type AssetSummary, type AssetsPayload } from "./helpers/apiCall";
import { signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

type KeywordList = { id: string; keywordName: string }[];

describe("keyword writes are applied later, as MediaValet's background job applies them", () => {
  const sandbox = useSandbox({ testControls: true, keywordDelayMs: 400 });
  const control = () => createSandboxControl(sandbox());
  let token = "";
  let assets: AssetSummary[] = [];
  let next = 0;
  const anAsset = (): AssetSummary => {
    const asset = assets[next++];
    if (!asset) throw new Error("out of assets");
    return asset;
  };

  beforeAll(async () => {
    token = (await signIn(sandbox())).tokens.access_token;
    assets = (await apiCall<AssetsPayload>(sandbox(), token, "/assets?count=50")).body.payload.assets;
  });

  const keywordNames = async (id: string) =>
    (await apiCall<KeywordList>(sandbox(), token, `/assets/${id}/keywords`)).body.payload.map(
      (keyword) => keyword.keywordName,
    );
  const add = (id: string, names: string[]) =>
    apiCall(sandbox(), token, `/assets/${id}/keywords`, { method: "POST", body: names });
  const remove = (id: string, keywordId: string) =>
    apiCall(sandbox(), token, `/assets/${id}/keywords/${keywordId}`, { method: "DELETE" });
  /** A word from the library's list that this asset does not carry, with its id. */
  const foreignKeyword = async (asset: AssetSummary) => {
    const library = await apiCall<KeywordList>(sandbox(), token, "/keywords?count=1000");
    const keyword = library.body.payload.find((entry) => !asset.keywords.includes(entry.keywordName));
    if (!keyword) throw new Error("every keyword is on this asset");
    return keyword;
  };

  it("waits about 1.5 s by default (npm start); tests start the sandbox with 0", () => {
    expect(SANDBOX_DEFAULTS.keywordDelayMs).toBe(1500);
  });

  it("answers 202 at once and lists the keyword only after the delay", async () => {
    await control().setKeywordDelay(2000);
    const asset = anAsset();

    const { response } = await add(asset.id, ["later-word"]);
    expect(response.status).toBe(202);
    expect(await keywordNames(asset.id)).toEqual(asset.keywords);
    const library = await apiCall<KeywordList>(sandbox(), token, "/keywords?count=1000");
    expect(library.body.payload.map((keyword) => keyword.keywordName)).not.toContain("later-word");

    await vi.waitFor(async () => expect(await keywordNames(asset.id)).toContain("later-word"), {
      timeout: 5000,
      interval: 100,
    });
    await control().reset();
  });

  it("removes a keyword that was added but not applied yet: both apply, in the order they were sent", async () => {
    const asset = anAsset();
    const keyword = await foreignKeyword(asset);

    expect((await add(asset.id, [keyword.keywordName])).response.status).toBe(202);
    expect((await remove(asset.id, keyword.id)).response.status).toBe(202);
    // Accepted after both, so listed only once both have applied.
    expect((await add(asset.id, ["sentinel-word"])).response.status).toBe(202);

    await vi.waitFor(async () => expect(await keywordNames(asset.id)).toContain("sentinel-word"), {
      timeout: 5000,
      interval: 50,
    });
    expect(await keywordNames(asset.id)).toEqual([...asset.keywords, "sentinel-word"]);
  });

  it("removes a carried keyword only after the delay", async () => {
    await control().setKeywordDelay(2000);
    const asset = anAsset();
    const [first] = (await apiCall<KeywordList>(sandbox(), token, `/assets/${asset.id}/keywords`)).body
      .payload;
    if (!first) throw new Error("the asset has no keywords");

    expect((await remove(asset.id, first.id)).response.status).toBe(202);
    expect(await keywordNames(asset.id)).toContain(first.keywordName);
    await vi.waitFor(async () => expect(await keywordNames(asset.id)).not.toContain(first.keywordName), {
      timeout: 5000,
      interval: 100,
    });
    await control().reset();
  });

  it("still answers 404 for a keyword the asset neither carries nor is about to carry", async () => {
    const asset = anAsset();
    const keyword = await foreignKeyword(asset);

    expect((await remove(asset.id, keyword.id)).response.status).toBe(404);
  });

  it("applies before the 202 when the delay is 0", async () => {
    await control().setKeywordDelay(0);
    const asset = anAsset();

    await add(asset.id, ["instant-word"]);
    expect(await keywordNames(asset.id)).toContain("instant-word");
    await control().reset();
  });

  it("refuses a delay that is not a whole number from 0 to 60000", async () => {
    for (const ms of [-1, 1.5, 60_001]) {
      await expect(control().setKeywordDelay(ms)).rejects.toBeInstanceOf(SandboxControlError);
    }
  });
});
