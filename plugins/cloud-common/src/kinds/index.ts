export * from './ApplicationEntityV1alpha1';
export * from './TenantEntityV1alpha1';
export * from './validation';
