// `npm start`: the sandbox (auth server + DAM API) and Valet's dev server, together, with no account anywhere.
import { createServer } from "vite";
import { startSandbox } from "../sandbox/startSandbox";
import { DEMO_USER } from "../sandbox/users";

const appOrigin = "http://127.0.0.1:5173";
// public/config.json points at these ports, so a newcomer has nothing to configure.
const sandbox = await startSandbox({ appOrigins: [appOrigin], authPort: 4010, apiPort: 4020 });
const vite = await createServer({ server: { host: "127.0.0.1", port: 5173, strictPort: true } });
await vite.listen();

console.log("");
console.log(`  Valet is running at ${appOrigin}/`);
console.log(`  Sign in as "${DEMO_USER.username}" with the password "${DEMO_USER.password}".`);
console.log(`  Sandbox auth server: ${sandbox.authUrl} (issuer ${sandbox.issuer})`);
console.log(`  Sandbox DAM API:     ${sandbox.apiUrl}`);
console.log("  The sandbox keeps everything in memory: restarting it signs everyone out.");
console.log("  Press Ctrl+C to stop.");
console.log("");

const stop = async () => {
  await Promise.all([vite.close(), sandbox.close()]);
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
