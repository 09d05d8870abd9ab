export interface Config {
  events?: {
    modules?: {
      /**
       * Argo CD's notifications on the events backend's HTTP ingress
       * (`POST /api/events/http/argocd`), read back by the cloud backend to
       * complete the provisioning step of a tenant.
       */
      argocd?: {
        /**
         * Shared secret of the HMAC-SHA256 signature of each notification:
         * the header `x-amue-signature: sha256=<hex of HMAC(secret, raw
         * body)>`. At least 32 characters. Without it, every notification
         * is refused.
         *
         * @visibility secret
         */
        webhookSecret?: string;
      };
    };
  };
}
