/**
 * The permission policy of the Amue Cloud portal.
 *
 * @packageDocumentation
 */

export { permissionModuleCloudPolicy as default } from './module';
export { CloudPermissionPolicy } from './CloudPermissionPolicy';
export type { CloudPermissionPolicyOptions } from './CloudPermissionPolicy';
export { permissionDecisions, renderDecisionTable } from './decisions';
export type { PermissionDecisionRow, RoleDecision } from './decisions';
