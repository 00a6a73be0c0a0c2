// `npm run preview`: the production build in dist/, served as a static host would, with the sandbox beside it.
import { existsSync } from "node:fs";
import { startSandbox } from "../sandbox/startSandbox";
import { DEMO_USER } from "../sandbox/users";
import { startStaticServer } from "./staticServer";
import { readBuiltBasePath } from "./staticSite";
import { appConfigFor } from "../sandbox/appConfig";

if (!existsSync("dist/index.html")) {
  console.error("There is no build in dist/. Run `npm run build` first.");
  process.exit(1);
}

const port = Number(process.env.PREVIEW_PORT ?? 4173);
// A build made with VALET_BASE=/valet/ is served under /valet/, as it would be deployed.
const basePath = await readBuiltBasePath("dist");
const app = await startStaticServer({ root: "dist", port, basePath, config: () => appConfig });
const sandbox = await startSandbox({
  appOrigins: [app.origin],
  appBasePath: basePath,
  authPort: 0,
  apiPort: 0,
});
const appConfig = appConfigFor(sandbox);

console.log(`Valet (production build) is at ${app.url}, with the headers \`npm run headers\` generates.`);
console.log(`Sign in as "${DEMO_USER.username}" with the password "${DEMO_USER.password}".`);
console.log(`Sandbox auth server ${sandbox.authUrl}, API ${sandbox.apiUrl}. Press Ctrl+C to stop.`);

const stop = async () => {
  await Promise.all([app.close(), sandbox.close()]);
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
