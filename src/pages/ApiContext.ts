import { createContext, useContext } from "solid-js";
import type { ApiClient } from "../api";

export const ApiContext = createContext<ApiClient>();

/**
 * Reads the MediaValet API client that main.tsx provides.
 * @throws Error when called outside `<ApiContext.Provider>`
 */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi() must be called inside <ApiContext.Provider>.");
  return api;
}
