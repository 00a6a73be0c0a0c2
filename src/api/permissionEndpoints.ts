import type { ApiTransport } from "./createApiTransport";
import { badResponse } from "./badResponse";
import { readPermissions } from "./readPermissions";

export interface PermissionEndpoints {
  /**
   * `GET /users/current/permissions`: what the signed-in person may do, as permission names (`asset:download`, …),
   * whichever of MediaValet's two shapes the API version answers with.
   */
  getCurrentPermissions(signal?: AbortSignal): Promise<string[]>;
}

/** The permission calls of the MediaValet API. */
export function createPermissionEndpoints(transport: ApiTransport): PermissionEndpoints {
  return {
    async getCurrentPermissions(signal) {
      const envelope = await transport.request<unknown>("/users/current/permissions", {
        signal,
        action: "see what your account may do",
      });
      const names = readPermissions(envelope.payload);
      if (names === undefined) {
        throw badResponse("your permissions are missing from the response");
      }
      return names;
    },
  };
}
