// `npm start`: the sandbox (auth server + DAM API) and Valet's dev server, together, with no account anywhere.
// `npm start -- --confidential`: the same with Valet as the sandbox's confidential client, through the token relay.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createServer, type Plugin } from "vite";
import { startNodeRelay, type NodeRelay } from "../relay/node";
import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET } from "../sandbox/auth/clients";
import { startSandbox } from "../sandbox/startSandbox";
import { DEMO_USER } from "../sandbox/users";

const HELP = `Usage: npm start [-- options]

  (no options)          Valet as the sandbox's public client (code flow + PKCE), as public/config.json says
  --confidential        Valet as the confidential client "${CONFIDENTIAL_CLIENT_ID}": the token relay runs on
                        http://127.0.0.1:4030 with the client secret, and the dev server serves a config.json
                        with "tokenRelayUrl" pointing at it (public/config.json is left as it is)
  --password-sign-in    with --confidential: also turn on password sign-in (the relay forwards the password grant)
  --help                show this help
`;

const appOrigin = "http://127.0.0.1:5173";
const RELAY_PORT = 4030;

const { values: flags } = parseArgs({
  options: {
    confidential: { type: "boolean" },
    "password-sign-in": { type: "boolean" },
    help: { type: "boolean" },
  },
});
if (flags.help) {
  console.log(HELP);
  process.exit(0);
}
if (flags["password-sign-in"] && !flags.confidential) {
  console.error(
    "--password-sign-in needs --confidential: as at MediaValet, only a client with a secret may use the password grant.",
  );
  process.exit(1);
}

/**
 * Answers `config.json` from the dev server with the given settings instead of public/config.json, so that one
 * checkout serves either client without an edited file to forget.
 */
function serveConfig(config: Record<string, unknown>): Plugin {
  return {
    name: "valet-start-config",
    configureServer(server) {
      const path = `${server.config.base}config.json`;
      server.middlewares.use((request, response, next) => {
        if (request.url?.split("?")[0] !== path) return next();
        response.setHeader("Content-Type", "application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.end(JSON.stringify(config, null, 2));
      });
    },
  };
}

// public/config.json points at these ports, so a newcomer has nothing to configure.
const sandbox = await startSandbox({ appOrigins: [appOrigin], authPort: 4010, apiPort: 4020 });
let relay: NodeRelay | undefined;
const plugins: Plugin[] = [];
if (flags.confidential) {
  const passwordSignIn = flags["password-sign-in"] === true;
  relay = await startNodeRelay({
    tokenEndpoint: `${sandbox.authUrl}/connect/token`,
    revocationEndpoint: `${sandbox.authUrl}/connect/revocation`,
    clientId: CONFIDENTIAL_CLIENT_ID,
    clientSecret: CONFIDENTIAL_CLIENT_SECRET,
    allowedOrigins: [appOrigin],
    allowPasswordGrant: passwordSignIn,
    port: RELAY_PORT,
  });
  const publicConfig = JSON.parse(
    await readFile(new URL("../public/config.json", import.meta.url), "utf8"),
  ) as object;
  plugins.push(
    serveConfig({
      ...publicConfig,
      clientId: CONFIDENTIAL_CLIENT_ID,
      tokenRelayUrl: relay.url,
      ...(passwordSignIn ? { passwordSignIn: true } : {}),
    }),
  );
}
const vite = await createServer({ plugins, server: { host: "127.0.0.1", port: 5173, strictPort: true } });
await vite.listen();

console.log("");
console.log(`  Valet is running at ${appOrigin}/`);
console.log(`  Sign in as "${DEMO_USER.username}" with the password "${DEMO_USER.password}".`);
console.log(`  Sandbox auth server: ${sandbox.authUrl} (issuer ${sandbox.issuer})`);
console.log(`  Sandbox DAM API:     ${sandbox.apiUrl}`);
if (relay) {
  console.log(
    `  Token relay:         ${relay.url} (client "${CONFIDENTIAL_CLIENT_ID}"; its secret stays here)`,
  );
  console.log(
    `  config.json is served with clientId "${CONFIDENTIAL_CLIENT_ID}" and tokenRelayUrl ${relay.url}.`,
  );
} else {
  console.log(
    `  Client: the public "valet" (npm start -- --confidential for the confidential client and relay).`,
  );
}
console.log("  The sandbox keeps everything in memory: restarting it signs everyone out.");
console.log("  Press Ctrl+C to stop.");
console.log("");

const stop = async () => {
  await Promise.all([vite.close(), sandbox.close(), relay?.close()]);
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
