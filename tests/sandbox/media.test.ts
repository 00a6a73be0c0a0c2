import { beforeAll, describe, expect, it } from "vitest";
import { apiHeaders, signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

describe("asset media", () => {
  const sandbox = useSandbox();
  let media: Record<string, string> = {};
  let fileName = "";

  beforeAll(async () => {
    const { tokens } = await signIn(sandbox());
    const response = await fetch(`${sandbox().apiUrl}/assets?count=1`, {
      headers: apiHeaders(sandbox(), tokens.access_token),
    });
    const body = (await response.json()) as {
      payload: { assets: { media: Record<string, string>; file: { fileName: string } }[] };
    };
    media = body.payload.assets[0]?.media ?? {};
    fileName = body.payload.assets[0]?.file.fileName ?? "";
  });

  it("serves every rendition without any credentials, as SVG that any page may embed", async () => {
    for (const size of ["thumb", "small", "medium", "large", "original"]) {
      const response = await fetch(media[size] ?? "");
      expect(response.status, size).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/svg+xml");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
      expect(response.headers.get("cache-control")).toMatch(/max-age=\d{6,}/);
      expect(await response.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  it("renders a thumbnail about 200 pixels wide and larger sizes wider", async () => {
    const widthOf = async (url: string | undefined) =>
      Number(/<svg[^>]* width="(\d+)"/.exec(await (await fetch(url ?? "")).text())?.[1]);

    expect(await widthOf(media["thumb"])).toBe(200);
    expect(await widthOf(media["medium"])).toBeGreaterThan(await widthOf(media["small"]));
  });

  it("offers the download as an attachment", async () => {
    const response = await fetch(media["download"] ?? "");

    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${fileName.replace(/\.[^.]+$/, ".svg")}"`,
    );
  });

  it("answers 404 for an unknown asset", async () => {
    const response = await fetch(`${sandbox().apiUrl}/media/00000000-0000-4000-8000-000000000000/thumb.svg`);

    expect(response.status).toBe(404);
  });
});
