/**
 * Events backend module of the Amue Cloud portal: Argo CD's notifications
 * on the HTTP ingress, signed with a shared secret.
 *
 * @packageDocumentation
 */

export { eventsModuleArgocd as default } from './module';
