/** The only credentials the loopback endpoint accepts: dummies, so a test can never sign with real ones. */
export const TEST_CREDENTIALS = { accessKeyId: "AKIDTEST", secretAccessKey: "test" } as const;

const CREDENTIAL_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_PROFILE",
  "AWS_EC2_METADATA_DISABLED",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_CONFIG_FILE",
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_ORGANIZATIONS",
  "AWS_REGION",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_ROLE_ARN",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
] as const;

/**
 * Points the SDK's default credential chain at the test credentials (through the environment, as a
 * user's shell would) and at no credential or config file, no instance or container metadata. `extra`
 * sets more variables, or removes one when its value is undefined. Returns a function that restores the
 * environment.
 */
export function useTestCredentialsInEnvironment(extra: Record<string, string | undefined> = {}): () => void {
  const names = [...new Set([...CREDENTIAL_VARIABLES, ...Object.keys(extra)])];
  const saved = new Map(names.map((name) => [name, process.env[name]]));
  for (const name of CREDENTIAL_VARIABLES) delete process.env[name];
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/org-governance-test/credentials",
    AWS_CONFIG_FILE: "/nonexistent/org-governance-test/config",
  });
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
