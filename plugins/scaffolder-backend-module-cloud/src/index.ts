/**
 * Scaffolder actions of the Amue Cloud portal.
 *
 * @packageDocumentation
 */

export { scaffolderModuleCloud as default } from './module';
export { createValidateUaiAction } from './actions/validateUai';
export { createValidateRequestAction } from './actions/validateRequest';
export { createCreateRequestAction } from './actions/createRequest';
export { createRenderGitopsAction } from './actions/renderGitops';
export { createCommitGitopsAction } from './actions/commitGitops';
export { createAwaitCatalogAction } from './actions/awaitCatalog';
export { createChangeVersionAction } from './actions/changeVersion';
export { createAddEnvironmentAction } from './actions/addEnvironment';
export { createDecommissionAction } from './actions/decommission';
export { GitopsRepository } from './gitops/GitopsRepository';
export type {
  GitopsConfig,
  GitopsCommit,
  TenantFolderChange,
  CommitOptions,
} from './gitops/GitopsRepository';
