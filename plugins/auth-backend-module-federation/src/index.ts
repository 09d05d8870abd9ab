/**
 * Sign-in of establishment staff through the federation (RENATER, SUPANN
 * claims) bridged to OpenID Connect: the portal's `oidc` auth provider
 * with the `federation` sign-in resolver.
 *
 * @packageDocumentation
 */

export { authModuleFederation as default } from './module';
