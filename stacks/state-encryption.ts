/**
 * OpenTofu state and plan encryption (`terraform.encryption`) with an AWS KMS key. Pure: no
 * cdktf, so the exact JSON is tested without synthesizing. cdktf has no construct for this
 * block; {@link BedrockStack} writes it with `addOverride`.
 */
import type { ResolvedEnvironment } from "../config/resolve.ts";

/**
 * The names of the key provider and the method. OpenTofu stores them in the metadata of every
 * encrypted state and plan, so renaming them makes existing state unreadable
 * (https://opentofu.org/docs/language/state/encryption/): never change them.
 */
export const STATE_KEY_PROVIDER_NAME = "state";
export const STATE_METHOD_NAME = "state";

/** The value of `terraform.encryption` for one environment. */
export interface StateEncryptionBlock {
  readonly key_provider: {
    readonly aws_kms: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  };
  readonly method: { readonly aes_gcm: Readonly<Record<string, { readonly keys: string }>> };
  readonly state: { readonly method: string; readonly enforced: true };
  readonly plan: { readonly method: string; readonly enforced: true };
}

/**
 * The encryption block of an environment with `encryption:`.
 *
 * The key provider reads the key with the same identity as the state backend: it assumes the
 * backend's `roleArn` when there is one (the key protects the state, so it lives with the
 * state), else the ambient credentials. It never uses the provider's deploy role, which only
 * the AWS provider assumes, after `tofu init` has already needed the key.
 *
 * `enforced = true` on state and plan: OpenTofu then refuses to write either unencrypted, so
 * an `unencrypted` method left as the primary method (for example from a migration, or
 * injected through `TF_ENCRYPTION`) fails loudly instead of writing plaintext. Reading old
 * unencrypted state needs a temporary `fallback`; docs/opentofu.md, "Runbook: turn on state encryption for a
 * stack that already has state", has the procedure. It is not synthesized, so it can never be left behind.
 */
export function stateEncryptionBlock(
  encryption: NonNullable<ResolvedEnvironment["encryption"]>,
  backendRoleArn: string | undefined,
): StateEncryptionBlock {
  // The JSON forms OpenTofu 1.10.x accepts: `keys` as a template interpolation and `method` as
  // a plain string that is a traversal. A plain-string `keys` crashes `tofu init` before 1.11.4
  // (https://github.com/opentofu/opentofu/issues/3482, fixed by
  // https://github.com/opentofu/opentofu/pull/3654), and an interpolated `method` is rejected
  // there. Both forms written here also work on every later version.
  const method = `method.aes_gcm.${STATE_METHOD_NAME}`;
  return {
    key_provider: {
      aws_kms: {
        [STATE_KEY_PROVIDER_NAME]: {
          kms_key_id: encryption.kmsKeyId,
          region: encryption.region,
          key_spec: "AES_256",
          ...(backendRoleArn === undefined ? {} : { assume_role: { role_arn: backendRoleArn } }),
        },
      },
    },
    method: { aes_gcm: { [STATE_METHOD_NAME]: { keys: `\${key_provider.aws_kms.${STATE_KEY_PROVIDER_NAME}}` } } },
    state: { method, enforced: true },
    plan: { method, enforced: true },
  };
}
