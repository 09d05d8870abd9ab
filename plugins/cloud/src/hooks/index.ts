export { actorSideOf } from './actorSide';
export { useApplications, type ApplicationSummary } from './useApplications';
export { toCloudUser, useCloudUser, type CloudUser } from './useCloudUser';
export {
  useEstablishments,
  type EstablishmentSummary,
} from './useEstablishments';
export {
  TENANT_SIGNAL_CHANNEL,
  useTenantSignal,
  type TenantSignal,
} from './useTenantSignal';
