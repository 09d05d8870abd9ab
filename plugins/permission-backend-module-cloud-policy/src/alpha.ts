/**
 * The policy itself and its decision table, for tests and tools of the
 * portal (the backend installs the module, the package's default export).
 *
 * @packageDocumentation
 */

export { CloudPermissionPolicy } from './CloudPermissionPolicy';
export type { CloudPermissionPolicyOptions } from './CloudPermissionPolicy';
export { permissionDecisions, renderDecisionTable } from './decisions';
export type { PermissionDecisionRow, RoleDecision } from './decisions';
