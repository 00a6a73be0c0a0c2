/*
 * The API client is a transport (createApiTransport: authorization, 401 renewal, 429 wait, abort, envelope) plus endpoint
 * groups, one file each (`<group>Endpoints.ts`), built on that transport. To add a group:
 *   1. write `src/api/<group>Endpoints.ts` exporting `interface <Group>Endpoints` (the methods, documented) and
 *      `create<Group>Endpoints(transport: ApiTransport): <Group>Endpoints`;
 *   2. add `<Group>Endpoints` to the `extends` list of ApiClient below;
 *   3. add `...create<Group>Endpoints(transport),` to the object createApiClient returns.
 * createLazyApiClient forwards every method by name, so it needs no change.
 */
import { createActivityEndpoints, type ActivityEndpoints } from "./activityEndpoints";
import { createAssetEndpoints, type AssetEndpoints } from "./assetEndpoints";
import { createBulkEndpoints, type BulkEndpoints } from "./bulkEndpoints";
import { createCategoryEndpoints, type CategoryEndpoints } from "./categoryEndpoints";
import { createApiTransport, type ApiClientOptions, type ApiTransport } from "./createApiTransport";
import { createDownloadEndpoints, type DownloadEndpoints } from "./downloadEndpoints";
import { createDirectLinkEndpoints, type DirectLinkEndpoints } from "./directLinkEndpoints";
import { createFacetEndpoints, type FacetEndpoints } from "./facetEndpoints";
import { createLightboxEndpoints, type LightboxEndpoints } from "./lightboxEndpoints";
import { createPermissionEndpoints, type PermissionEndpoints } from "./permissionEndpoints";
import { createSavedSearchEndpoints, type SavedSearchEndpoints } from "./savedSearchEndpoints";
import { createUserEndpoints, type UserEndpoints } from "./userEndpoints";
import { createVocabularyEndpoints, type VocabularyEndpoints } from "./vocabularyEndpoints";

export type { ApiClientOptions, ApiRequestInit } from "./createApiTransport";
export type { AuthorizedRequest, RejectedRequest, RequestAuthorizer } from "./RequestAuthorizer";

/** Every call Valet makes to MediaValet; `request` reaches any other path. */
export interface ApiClient
  extends
    Pick<ApiTransport, "request">,
    UserEndpoints,
    AssetEndpoints,
    FacetEndpoints,
    SavedSearchEndpoints,
    DirectLinkEndpoints,
    ActivityEndpoints,
    CategoryEndpoints,
    VocabularyEndpoints,
    BulkEndpoints,
    LightboxEndpoints,
    DownloadEndpoints,
    PermissionEndpoints {}

/**
 * Creates the MediaValet API client: the transport (see createApiTransport) and every endpoint group on it. Every
 * failure is an ApiError; the client knows nothing of how sign-in works: the authorizer (headers and renewal) and
 * fetch are handed in.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const transport = createApiTransport(options);
  return {
    request: transport.request,
    ...createUserEndpoints(transport),
    ...createAssetEndpoints(transport),
    ...createFacetEndpoints(transport),
    ...createSavedSearchEndpoints(transport),
    ...createDirectLinkEndpoints(transport),
    ...createActivityEndpoints(transport),
    ...createCategoryEndpoints(transport),
    ...createVocabularyEndpoints(transport),
    ...createBulkEndpoints(transport),
    ...createLightboxEndpoints(transport),
    ...createDownloadEndpoints(transport),
    ...createPermissionEndpoints(transport),
  };
}
