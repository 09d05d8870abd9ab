/**
 * The client of the cloud API (plugin id `cloud`) and the types of its
 * documents, generated from the API's OpenAPI document
 * (plugins/cloud-backend/src/schema/openapi.yaml) by
 * scripts/openapi-generate.js: the frontend, the backend modules and the
 * cloud backend's typed router all use these, never a copy.
 *
 * @packageDocumentation
 */

export {
  DefaultApiClient as CloudApiClient,
  type RequestOptions as CloudApiRequestOptions,
  type TypedResponse as CloudApiResponse,
} from './generated';
export type * from './generated/models';
