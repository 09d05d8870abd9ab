export interface Config {
  cloud?: {
    /**
     * The GitOps repository where the self-service templates commit the
     * deployment descriptors of the tenants (`tenants/<name>/`).
     */
    gitops?: {
      /**
       * A local path (relative to the backend's working directory) of a
       * bare git repository, created on first use, or the http(s) URL of a
       * git remote, pushed to with the credentials of the `integrations`
       * configuration of its host (GitHub, GitLab, Gitea, Bitbucket,
       * Gerrit). By default, `gitops.git` in the portal's data folder:
       * beside the SQLite folder (`backend.database.connection.directory`),
       * or `data/gitops.git` with PostgreSQL.
       */
      repository?: string;
      /**
       * Whether `repository` must be an http(s) git remote; the backend
       * refuses to start otherwise. Defaults to true when
       * `auth.environment` is `production` (a local repository would be a
       * different one on each replica). Set to false only for a
       * single-process test installation.
       */
      requireRemote?: boolean;
      /** Branch committed to. Defaults to `main`. */
      branch?: string;
      /**
       * Web address of a commit, `{commit}` standing for its hash, e.g.
       * `https://gitlab.example.org/cloud/gitops/-/commit/{commit}`; the
       * templates link to it when set.
       */
      commitUrl?: string;
      /**
       * DNS domain of the instances' host names. Defaults to
       * `cloud.amue.fr`.
       */
      baseDomain?: string;
      /**
       * Author of the commits. Defaults to `scaffolder.defaultAuthor`.
       */
      author?: {
        name?: string;
        email?: string;
      };
    };
  };
}
