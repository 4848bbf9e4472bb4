/**
 * What every stack of this app starts with: the one AWS provider, the state backend and
 * OpenTofu's state encryption. Shared by the environment stacks and the billing stack so both
 * reach their account, lock and encrypt their state the same way.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider/index.js";
import { LocalBackend, S3Backend, TerraformStack } from "cdktf";
import type { ResolvedAssumeRole, ResolvedBackend, ResolvedEncryption } from "../config/resolve.ts";
import { stateEncryptionBlock } from "./state-encryption.ts";

/**
 * Where OpenTofu finds the provider. Fully qualified, or cdktf-cli misreads the lock file
 * OpenTofu writes (https://github.com/opentofu/opentofu/issues/2402).
 */
export const AWS_PROVIDER_SOURCE = "registry.opentofu.org/hashicorp/aws";

/**
 * The provider versions a stack admits. cdktf writes its bindings' exact version (6.25.0), which
 * cannot read `model_source` back after an import (hashicorp/terraform-provider-aws#45705);
 * 6.29.0 fixes it (hashicorp/terraform-provider-aws#45713). The 6.25.0 bindings still describe
 * every argument we use; 7.0 may break them.
 */
export const AWS_PROVIDER_VERSION = ">= 6.29.0, < 7.0.0";

/** The account, backend and encryption settings of one stack, resolved. */
export interface StackFoundationProps {
  readonly region: string;
  readonly defaultTags: Readonly<Record<string, string>>;
  /** The only account the provider may deploy to; unset lets the credentials decide. */
  readonly accountId?: string;
  readonly assumeRole?: ResolvedAssumeRole;
  /** Without it, local state at `localStatePath`. */
  readonly backend?: ResolvedBackend;
  readonly encryption?: ResolvedEncryption;
  /** Local state file, relative to the stack's working directory; used without a backend. */
  readonly localStatePath: string;
}

/**
 * `region` for a resource in `region` of a stack whose provider is in `stackRegion`: set only where
 * they differ, so a resource in the stack's own region synthesizes without it.
 */
export function regionOverride(region: string, stackRegion: string): { region?: string } {
  return region === stackRegion ? {} : { region };
}

/** Add the AWS provider, the backend and the encryption block to `stack`. */
export function addStackFoundation(stack: TerraformStack, props: StackFoundationProps): AwsProvider {
  const provider = new AwsProvider(stack, "aws", {
    region: props.region,
    defaultTags: [{ tags: { ...props.defaultTags } }],
    ...(props.accountId === undefined ? {} : { allowedAccountIds: [props.accountId] }),
    ...(props.assumeRole === undefined
      ? {}
      : {
          assumeRole: [
            {
              roleArn: props.assumeRole.roleArn,
              ...(props.assumeRole.sessionName ? { sessionName: props.assumeRole.sessionName } : {}),
            },
          ],
        }),
  });
  stack.addOverride("terraform.required_providers.aws.source", AWS_PROVIDER_SOURCE);
  stack.addOverride("terraform.required_providers.aws.version", AWS_PROVIDER_VERSION);

  if (props.backend === undefined) {
    new LocalBackend(stack, { path: props.localStatePath });
  } else {
    const { bucket, region, key, roleArn } = props.backend;
    new S3Backend(stack, {
      bucket,
      region,
      key,
      encrypt: true,
      ...(roleArn === undefined ? {} : { assumeRole: { roleArn } }),
    });
    // S3-native locking (OpenTofu >= 1.10); cdktf 0.21's S3Backend has no property for it.
    stack.addOverride("terraform.backend.s3.use_lockfile", true);
  }

  if (props.encryption !== undefined) {
    // cdktf has no construct for OpenTofu's encryption block; the override is written verbatim.
    stack.addOverride("terraform.encryption", stateEncryptionBlock(props.encryption, props.backend?.roleArn));
  }
  return provider;
}

/**
 * A stack built from the resolved config alone, with a backend always: it never takes a token
 * from another stack nor hands one out.
 *
 * cdktf resolves every value of every stack once more before synthesizing, only to find
 * references from one stack to another stack's resources (each found one becomes an output there
 * and a remote state here): `TerraformStack.prepareStack` and `Reference.resolve` in
 * cdktf/lib/tfExpression.js. While the app holds only self-contained stacks the pass finds
 * nothing; skipping it saves a third of synthesis. Once the app holds another kind of stack,
 * which could hand one of these a token, the pass runs as cdktf does it.
 */
export class SelfContainedStack extends TerraformStack {
  override prepareStack(): void {
    const stacks = this.node.scope?.node.children.filter(TerraformStack.isStack) ?? [];
    if (!stacks.every((stack) => stack instanceof SelfContainedStack)) super.prepareStack();
  }
}
