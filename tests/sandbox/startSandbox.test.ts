import { describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox/startSandbox";
import { DEMO_USER, USERS } from "../../sandbox/users";
import { TEST_APP_ORIGIN, apiHeaders, signIn } from "./helpers/oidcClient";
import { useSandbox } from "./helpers/useSandbox";

describe("startSandbox", () => {
  it("refuses a host other machines could reach", async () => {
    await expect(startSandbox({ host: "0.0.0.0", appOrigins: [TEST_APP_ORIGIN] })).rejects.toThrow(
      /refusing to listen on "0\.0\.0\.0".*allowRemote/,
    );
    await expect(startSandbox({ host: "192.168.1.20", appOrigins: [TEST_APP_ORIGIN] })).rejects.toThrow(
      /loopback/,
    );
  });

  it("refuses app origins that are not origins", async () => {
    await expect(
      startSandbox({ authPort: 0, apiPort: 0, appOrigins: ["http://127.0.0.1:5173/"] }),
    ).rejects.toThrow(/must be an origin/);
    await expect(startSandbox({ authPort: 0, apiPort: 0, appOrigins: [] })).rejects.toThrow(/at least one/);
  });

  it("reports a port that is already taken", async () => {
    const first = await startSandbox({ authPort: 0, apiPort: 0, appOrigins: [TEST_APP_ORIGIN] });
    try {
      const taken = Number(new URL(first.authUrl).port);
      await expect(
        startSandbox({ authPort: taken, apiPort: 0, appOrigins: [TEST_APP_ORIGIN] }),
      ).rejects.toThrow(/already in use/);
    } finally {
      await first.close();
    }
  });

  it("closes both servers completely", async () => {
    const sandbox = await startSandbox({ authPort: 0, apiPort: 0, appOrigins: [TEST_APP_ORIGIN] });
    await signIn(sandbox);
    await sandbox.close();

    await expect(fetch(`${sandbox.authUrl}/.well-known/openid-configuration`)).rejects.toThrow();
    await expect(fetch(`${sandbox.apiUrl}/assets`)).rejects.toThrow();
  });

  it("exports the demo account among the seeded users", () => {
    expect(DEMO_USER).toEqual({ username: "demo", password: "demo" });
    expect(USERS.map((user) => user.username)).toEqual(["demo", "alex", "locked"]);
  });
});

describe("a sandbox whose issuer differs from its host, like MediaValet's", () => {
  const issuer = "https://iam.mediavalet.test";
  const sandbox = useSandbox({ issuer });

  it("names the issuer in discovery and tokens, and the API accepts those tokens", async () => {
    const metadata = (await (
      await fetch(`${sandbox().authUrl}/.well-known/openid-configuration`)
    ).json()) as {
      issuer: string;
      token_endpoint: string;
    };
    expect(sandbox().issuer).toBe(issuer);
    expect(metadata.issuer).toBe(issuer);
    expect(metadata.token_endpoint).toBe(`${sandbox().authUrl}/connect/token`);

    const { tokens } = await signIn(sandbox());
    const response = await fetch(`${sandbox().apiUrl}/users/current`, {
      headers: apiHeaders(sandbox(), tokens.access_token),
    });
    expect(response.status).toBe(200);
  });
});

describe("short-lived access tokens", () => {
  const sandbox = useSandbox({ accessTokenTtl: 1 });
  const other = useSandbox();

  it("expire: the API then answers 401 with invalid_token", async () => {
    const { tokens } = await signIn(sandbox());
    expect(tokens.expires_in).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 2100));

    const response = await fetch(`${sandbox().apiUrl}/assets`, {
      headers: apiHeaders(sandbox(), tokens.access_token),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("expired");
  });

  it("from another sandbox (another key and issuer) are refused", async () => {
    const { tokens } = await signIn(other());
    const response = await fetch(`${sandbox().apiUrl}/assets`, {
      headers: apiHeaders(sandbox(), tokens.access_token),
    });

    expect(response.status).toBe(401);
  });
});
