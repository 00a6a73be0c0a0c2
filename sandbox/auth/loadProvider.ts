import type * as OidcProviderModule from "oidc-provider";

type Log = (line: string) => void;

let loading: Promise<typeof OidcProviderModule> | undefined;

/**
 * Imports oidc-provider once. On Node 20 the import prints an "unsupported runtime, use Node 22" warning straight to
 * the console (it works fine here); that line goes to the sandbox log instead, so test and `npm start` output stays
 * readable. Everything else written to the console meanwhile passes through untouched.
 */
export function loadOidcProvider(log: Log): Promise<typeof OidcProviderModule> {
  loading ??= importQuietly(log);
  return loading;
}

async function importQuietly(log: Log): Promise<typeof OidcProviderModule> {
  const warn = console.warn;
  console.warn = (...args: unknown[]): void => {
    const text = args.map(String).join(" ");
    if (text.includes("oidc-provider WARNING: Unsupported runtime")) log(text);
    else warn(...args);
  };
  try {
    return await import("oidc-provider");
  } finally {
    console.warn = warn;
  }
}
