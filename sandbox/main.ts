// `npm run sandbox`: the MediaValet stand-in on its own, for pointing a dev server or a REST client at it.
import { parseArgs } from "node:util";
import {
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  INTEGRATION_CLIENT_ID,
  INTEGRATION_CLIENT_SECRET,
  INTEGRATION_REDIRECT_URIS,
  VALET_CLIENT_ID,
} from "./auth/clients";
import { SANDBOX_DEFAULTS, startSandbox, type SandboxOptions } from "./startSandbox";
import { USERS } from "./users";

const HELP = `Usage: npm run sandbox -- [options]

  --host <address>        listen address (SANDBOX_HOST, default ${SANDBOX_DEFAULTS.host})
  --auth-port <port>      auth server port (SANDBOX_AUTH_PORT, default ${SANDBOX_DEFAULTS.authPort}; 0 = any free port)
  --api-port <port>       API port (SANDBOX_API_PORT, default ${SANDBOX_DEFAULTS.apiPort}; 0 = any free port)
  --issuer <url>          issuer, if not the auth server's origin (SANDBOX_ISSUER)
  --app-origin <origin>   an origin Valet is served from; repeatable
                          (SANDBOX_APP_ORIGINS, comma-separated; default http://127.0.0.1:5173)
  --keyword-delay <ms>    how long keyword writes wait before they apply (SANDBOX_KEYWORD_DELAY_MS,
                          default ${SANDBOX_DEFAULTS.keywordDelayMs}; 0 = at once)
  --allow-remote          allow a non-loopback --host
  --test-controls         serve the test controls at <auth>/__sandbox/ (SANDBOX_TEST_CONTROLS=1); they answer
                          only requests with the secret printed at start in X-Sandbox-Control
                          (SANDBOX_CONTROL_SECRET sets it, 16 characters or more)
  --quiet                 do not log requests
  --help                  show this help
`;

function wholeNumber(what: string, name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new Error(`${name} must be ${what}, not "${value}".`);
  return parsed;
}

const port = (name: string, value: string | undefined, fallback: number): number =>
  wholeNumber("a port number", name, value, fallback);

function readOptions(): SandboxOptions | undefined {
  const { values } = parseArgs({
    options: {
      host: { type: "string" },
      "auth-port": { type: "string" },
      "api-port": { type: "string" },
      issuer: { type: "string" },
      "app-origin": { type: "string", multiple: true },
      "keyword-delay": { type: "string" },
      "allow-remote": { type: "boolean" },
      "test-controls": { type: "boolean" },
      quiet: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return undefined;

  const env = process.env;
  const origins = values["app-origin"] ?? (env["SANDBOX_APP_ORIGINS"] ?? "http://127.0.0.1:5173").split(",");
  const issuer = values.issuer ?? env["SANDBOX_ISSUER"];
  return {
    host: values.host ?? env["SANDBOX_HOST"] ?? SANDBOX_DEFAULTS.host,
    allowRemote: values["allow-remote"] === true,
    testControls: values["test-controls"] === true || env["SANDBOX_TEST_CONTROLS"] === "1",
    // A script in another process that drives the controls can choose the secret; otherwise it is printed below.
    ...(env["SANDBOX_CONTROL_SECRET"] ? { controlSecret: env["SANDBOX_CONTROL_SECRET"] } : {}),
    authPort: port("--auth-port", values["auth-port"] ?? env["SANDBOX_AUTH_PORT"], SANDBOX_DEFAULTS.authPort),
    apiPort: port("--api-port", values["api-port"] ?? env["SANDBOX_API_PORT"], SANDBOX_DEFAULTS.apiPort),
    ...(issuer ? { issuer } : {}),
    keywordDelayMs: wholeNumber(
      "a number of milliseconds",
      "--keyword-delay",
      values["keyword-delay"] ?? env["SANDBOX_KEYWORD_DELAY_MS"],
      SANDBOX_DEFAULTS.keywordDelayMs,
    ),
    appOrigins: origins.map((origin) => origin.trim()).filter((origin) => origin !== ""),
    log: values.quiet ? () => {} : (line) => console.log(`  ${line}`),
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  if (!options) {
    console.log(HELP);
    return;
  }
  const sandbox = await startSandbox(options);

  console.log(`
MediaValet sandbox is running.
  Auth server:       ${sandbox.authUrl}  (like https://login.mediavalet.com)
  Issuer:            ${sandbox.issuer}
  DAM API:           ${sandbox.apiUrl}  (like https://api.mediavalet.com)
  Subscription key:  ${sandbox.subscriptionKey}
  Clients:           ${VALET_CLIENT_ID} (public, code + PKCE S256)
                     ${CONFIDENTIAL_CLIENT_ID} / ${CONFIDENTIAL_CLIENT_SECRET} (confidential, for the token relay:
                       code, refresh, password; secret on /connect/token and /connect/revocation)
                     ${INTEGRATION_CLIENT_ID} / ${INTEGRATION_CLIENT_SECRET} (confidential: code, password,
                       client credentials; redirect ${INTEGRATION_REDIRECT_URIS[0]})
  App origins:       ${options.appOrigins.join(", ")}
  Sign in as:        ${USERS.map((user) => `${user.username} / ${user.password}`).join(", ")}
  Test controls:     ${sandbox.testControls ? `${sandbox.authUrl}/__sandbox/ with header X-Sandbox-Control: ${sandbox.controlSecret} (see docs/sandbox.md)` : "off (--test-controls)"}
All state is in memory and is lost when the sandbox stops. Press Ctrl+C to stop.
`);

  const stop = (signal: NodeJS.Signals): void => {
    console.log(`\n${signal}: stopping the sandbox…`);
    sandbox.close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
