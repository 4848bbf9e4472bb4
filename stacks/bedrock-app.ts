/** The cdktf app: one {@link BedrockStack} per environment, and the {@link BillingStack}. */
import { relative, resolve, sep } from "node:path";
import { App } from "cdktf";
import type { ResolvedEnvironment } from "../config/resolve.ts";
import type { ResolvedBilling } from "../config/resolve-billing.ts";
import { BedrockStack } from "./bedrock-stack.ts";
import { BillingStack } from "./billing-stack.ts";

/**
 * The local state file of a stack without a backend, relative to the directory OpenTofu runs
 * in (`<outdir>/stacks/<stack>`) and pointing at the project root, so state survives
 * `rm -rf cdktf.out`. cdktf's default is an absolute, machine-specific path.
 */
export function localStatePath(outdir: string, stack: string, projectRoot: string): string {
  const up = relative(resolve(projectRoot, outdir, "stacks", stack), projectRoot)
    .split(sep)
    .join("/");
  return `${up}/terraform.${stack}.tfstate`;
}

/** Options of {@link buildApp}. */
export interface BuildAppOptions {
  /** Where synth writes. */
  readonly outdir: string;
  /** The local state path of each stack without a backend; see {@link localStatePath}. */
  readonly localStatePath: (stack: string) => string;
  /** The billing stack, when the config has `billing:`. */
  readonly billing?: ResolvedBilling;
}

/** Build the app for `environments`. */
export function buildApp(environments: readonly ResolvedEnvironment[], options: BuildAppOptions): App {
  const app = new App({
    outdir: options.outdir,
    // Stack traces in construct metadata cost time per construct and are never read here.
    stackTraces: false,
    // cdktf validates an import block by running `terraform version` (or $TERRAFORM_BINARY_NAME)
    // during synth, which fails where neither binary is installed. Synth must work offline
    // with no OpenTofu at all; the infra tasks check OpenTofu >= 1.10 before they run it
    // (scripts/infra-preflight.ts). Its other check, that every resource has a provider, holds
    // by construction: each stack configures its one AwsProvider first.
    skipValidation: true,
  });
  for (const environment of environments) {
    new BedrockStack(app, environment.stackName, {
      environment,
      localStatePath: options.localStatePath(environment.stackName),
    });
  }
  if (options.billing !== undefined) {
    const { billing } = options;
    new BillingStack(app, billing.stackName, { billing, localStatePath: options.localStatePath(billing.stackName) });
  }
  return app;
}
