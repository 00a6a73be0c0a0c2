import { badResponse } from "./badResponse";
import type { ApiTransport } from "./createApiTransport";
import { isRecord } from "./isRecord";
import type { CurrentUser } from "./types";

/** The signed-in user. */
export interface UserEndpoints {
  getCurrentUser(signal?: AbortSignal): Promise<CurrentUser>;
}

export function createUserEndpoints({ request }: ApiTransport): UserEndpoints {
  return {
    async getCurrentUser(signal) {
      const envelope = await request<unknown>("/users/current", { signal, action: "see your profile" });
      if (!isRecord(envelope.payload)) throw badResponse("the current user is missing from the response");
      return envelope.payload as unknown as CurrentUser;
    },
  };
}
