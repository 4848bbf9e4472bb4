/**
 * The real engine for tests: which one is installed (`tofu`, else `terraform`), where it gets the
 * AWS provider from, and what a synthesized stack must lose for it to run here and offline.
 * Used by test/engine.test.ts; docs/testing.md, "Correctness against the real engine".
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { findOnPath } from "../scripts/infra-preflight.ts";
import { AWS_PROVIDER_SOURCE } from "../stacks/stack-foundation.ts";

/** The env var naming a filesystem mirror of providers for machines without the registry. */
export const PROVIDER_MIRROR_ENV = "BEDROCK_PROFILES_PROVIDER_MIRROR";

/** Per-resource `region` arrived with provider 6.0.0 (its upgrade guide, "Enhanced Region Support"). */
const FIRST_VERSION_WITH_RESOURCE_REGION = 6;

/** An installed engine. */
export interface Engine {
  readonly kind: "tofu" | "terraform";
  readonly path: string;
}

/** `tofu` if on PATH, else `terraform`, else undefined. */
export function findEngine(pathEnv: string | undefined): Engine | undefined {
  const tofu = findOnPath("tofu", pathEnv);
  if (tofu !== undefined) return { kind: "tofu", path: tofu };
  const terraform = findOnPath("terraform", pathEnv);
  if (terraform !== undefined) return { kind: "terraform", path: terraform };
  return undefined;
}

/** Where the provider comes from, and what the test must change in the JSON to use it. */
export interface ProviderInstallation {
  /** The CLI config file the engine runs with (TF_CLI_CONFIG_FILE / TOFU_CLI_CONFIG_FILE), if any. */
  readonly cliConfigFile: string | undefined;
  /** Said in test names: where the provider comes from. */
  readonly origin: string;
  /** The provider version to write into `required_providers` instead of ours, if the mirror has no other. */
  readonly rewriteVersionTo: string | undefined;
}

/** Unpacked (`<v>/<os_arch>/`) and packed (`terraform-provider-aws_<v>_<os_arch>.zip`) mirror entries. */
function mirroredVersions(dir: string, platform: string): string[] {
  if (!existsSync(dir)) return [];
  const versions = new Set<string>();
  for (const entry of readdirSync(dir)) {
    const packed = /^terraform-provider-aws_(.+)_([a-z0-9]+_[a-z0-9]+)\.zip$/.exec(entry);
    if (packed?.[2] === platform) versions.add(packed[1] as string);
    else if (existsSync(join(dir, entry, platform))) versions.add(entry);
  }
  return [...versions];
}

/** `filesystem_mirror { path = "…" }` entries of a CLI config file. */
function filesystemMirrors(cliConfig: string): string[] {
  return [...cliConfig.matchAll(/filesystem_mirror\s*\{[^}]*?path\s*=\s*"([^"]+)"/g)].map((m) => m[1] as string);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/**
 * How the engine gets hashicorp/aws. A mirror named by {@link PROVIDER_MIRROR_ENV} or by the
 * user's CLI config is linked into a temporary mirror under our source's hostname
 * (registry.opentofu.org): a mirror made for Terraform has only registry.terraform.io, and the
 * engine looks providers up by their full source address. Without a mirror, the user's CLI config
 * (or none) and the network.
 */
export function providerInstallation(
  engine: Engine,
  env: NodeJS.ProcessEnv,
  constraint: string,
  workDir: string,
): ProviderInstallation {
  const configEnv =
    engine.kind === "tofu" ? (env.TOFU_CLI_CONFIG_FILE ?? env.TF_CLI_CONFIG_FILE) : env.TF_CLI_CONFIG_FILE;
  const defaultConfig = join(homedir(), engine.kind === "tofu" ? ".tofurc" : ".terraformrc");
  const userConfig = [configEnv, defaultConfig].find((file) => file !== undefined && existsSync(file));
  const mirrors = [
    ...(env[PROVIDER_MIRROR_ENV] ? [env[PROVIDER_MIRROR_ENV]] : []),
    ...(userConfig === undefined ? [] : filesystemMirrors(readFileSync(userConfig, "utf8"))),
    // Last, the folders Terraform itself searches as implied local mirrors
    // (https://developer.hashicorp.com/terraform/cli/config/config-file#implied-local-mirror-directories),
    // and /opt/tf-plugins, where this project's air-gapped CI image keeps its mirror: so that a
    // plain `npm test` there runs the engine instead of failing to reach a registry.
    join(homedir(), ".terraform.d", "plugins"),
    join(env.XDG_DATA_HOME ?? join(homedir(), ".local", "share"), "terraform", "plugins"),
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
    "/opt/tf-plugins",
  ];
  const platform = `${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`;
  const [host, namespace, type] = AWS_PROVIDER_SOURCE.split("/") as [string, string, string];
  for (const mirror of mirrors) {
    const found = ["registry.opentofu.org", "registry.terraform.io"].flatMap((h) =>
      mirroredVersions(join(mirror, h, namespace, type), platform).map((version) => ({ host: h, version })),
    );
    if (found.length === 0) continue;
    const newestFirst = [...found].sort((a, b) => compareVersions(b.version, a.version));
    const chosen = newestFirst.find((f) => satisfies(f.version, constraint)) ?? newestFirst[0];
    if (chosen === undefined) continue;
    const linked = join(workDir, "mirror", host, namespace, type, chosen.version);
    mkdirSync(linked, { recursive: true });
    const from = join(mirror, chosen.host, namespace, type);
    if (existsSync(join(from, chosen.version, platform))) {
      symlinkSync(join(from, chosen.version, platform), join(linked, platform));
    } else {
      // A packed mirror entry sits beside the version directories, not in one.
      const zip = `terraform-provider-aws_${chosen.version}_${platform}.zip`;
      symlinkSync(join(from, zip), join(workDir, "mirror", host, namespace, type, zip));
    }
    const cliConfigFile = join(workDir, "cli.tfrc");
    writeFileSync(
      cliConfigFile,
      `provider_installation {\n  filesystem_mirror {\n    path = "${join(workDir, "mirror")}"\n  }\n}\n`,
    );
    const linkedNote = chosen.host === host ? "" : `, its ${chosen.host} copy linked as ${host}`;
    return {
      cliConfigFile,
      origin: `provider ${chosen.version} from the mirror ${mirror}${linkedNote}`,
      rewriteVersionTo: satisfies(chosen.version, constraint) ? undefined : chosen.version,
    };
  }
  return { cliConfigFile: userConfig, origin: "provider from the registry", rewriteVersionTo: undefined };
}

/** True when a provider of this version lacks the per-resource `region` argument. */
export function lacksResourceRegion(version: string | undefined): boolean {
  return version !== undefined && Number(version.split(".")[0]) < FIRST_VERSION_WITH_RESOURCE_REGION;
}

/** The resource addresses (`type.name`) of a synthesized stack that set their own `region`. */
// biome-ignore lint/suspicious/noExplicitAny: synthesized Terraform JSON is read structurally
export function resourcesWithRegion(json: any): string[] {
  return Object.entries(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName as Record<string, { region?: unknown }>)
      .filter(([, body]) => body.region !== undefined)
      .map(([name]) => `${type}.${name}`),
  );
}

/** Result of one engine command. */
export interface EngineRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the engine in `dir` (async, so that independent commands overlap). */
export function runEngine(
  engine: Engine,
  cliConfigFile: string | undefined,
  dir: string,
  args: string[],
): Promise<EngineRun> {
  return new Promise((done) => {
    execFile(
      engine.path,
      [`-chdir=${dir}`, ...args],
      {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
        env: {
          ...process.env,
          TF_IN_AUTOMATION: "1",
          CHECKPOINT_DISABLE: "1",
          ...(cliConfigFile === undefined
            ? {}
            : { TF_CLI_CONFIG_FILE: cliConfigFile, TOFU_CLI_CONFIG_FILE: cliConfigFile }),
        },
      },
      (error, stdout, stderr) => {
        const status = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        done({ status, stdout, stderr });
      },
    );
  });
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** True when `version` meets a constraint such as `6.25.0` or `>= 6.29.0, < 7.0.0`. */
function satisfies(version: string, constraint: string): boolean {
  return constraint.split(",").every((part) => {
    const match = /^\s*(>=|<=|>|<|=|!=)?\s*(\S+)\s*$/.exec(part);
    if (match === null) return false;
    const cmp = compareVersions(version, match[2] as string);
    switch (match[1] ?? "=") {
      case ">=":
        return cmp >= 0;
      case "<=":
        return cmp <= 0;
      case ">":
        return cmp > 0;
      case "<":
        return cmp < 0;
      case "!=":
        return cmp !== 0;
      default:
        return cmp === 0;
    }
  });
}

// biome-ignore lint/suspicious/noExplicitAny: Terraform JSON (config, plan, schema, state) is read structurally
type Json = any;

/** How a stack must change to run under this engine and, for plans, offline. */
export interface EngineAdjustments {
  readonly engine: Engine;
  readonly rewriteVersionTo: string | undefined;
  /** Drop `terraform.encryption` (OpenTofu only; KMS needs credentials). */
  readonly dropEncryption: boolean;
  /** Make the stack a child module or a plan root: no backend, an offline provider. */
  readonly offline: boolean;
}

/** A copy of a synthesized stack adjusted for the engine here; the input is not changed. */
export function adjustStack(stack: Json, adjust: EngineAdjustments): Json {
  const json = structuredClone(stack);
  if (adjust.rewriteVersionTo !== undefined) json.terraform.required_providers.aws.version = adjust.rewriteVersionTo;
  if (adjust.dropEncryption || adjust.engine.kind === "terraform") delete json.terraform.encryption;
  if (adjust.offline) {
    delete json.terraform.backend;
    json.provider.aws = json.provider.aws.map((provider: Json) => {
      // Offline: no credentials lookup, no STS call (which allowed_account_ids and the account
      // lookup make), no role to assume. Region and default_tags stay: they shape the plan.
      const { assume_role: _role, allowed_account_ids: _accounts, ...rest } = provider;
      return {
        ...rest,
        access_key: "offline",
        secret_key: "offline",
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_region_validation: true,
      };
    });
  }
  return json;
}

/** `${type.name.attr}`: a reference to another resource's attribute, alone or inside a string. */
const REFERENCES = /\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g;

/** A string that is one reference and nothing else. */
const WHOLE_REFERENCE = new RegExp(`^${REFERENCES.source}$`);

/** The configured element whose plain values all equal the planned element's known ones. */
function sameElement(configured: Json[], planned: Json): Json {
  if (planned === null || typeof planned !== "object") return undefined;
  return configured.find(
    (candidate) =>
      candidate !== null &&
      typeof candidate === "object" &&
      Object.entries(candidate).every(
        ([k, v]) => typeof v === "object" || planned[k] === undefined || planned[k] === null || planned[k] === v,
      ),
  );
}

/** Every `${aws_….name.attr}` anywhere in a configured value. */
function resourceReferences(configured: Json): RegExpExecArray[] {
  return [...JSON.stringify(configured ?? null).matchAll(REFERENCES)].filter((m) => m[1]?.startsWith("aws_"));
}

/**
 * `configured` with each reference replaced by the value it points at: a string that is one
 * reference becomes that value, a longer string gets it spliced in.
 */
function substituted(configured: Json, target: (type: string, name: string) => Json): Json {
  if (typeof configured === "string") {
    const whole = WHOLE_REFERENCE.exec(configured);
    const wholeTarget = whole === null ? undefined : target(whole[1] as string, whole[2] as string);
    if (whole !== null && wholeTarget !== undefined) return wholeTarget[whole[3] as string];
    return configured.replace(REFERENCES, (text, type, name, from) => {
      const found = target(type, name);
      return found === undefined ? text : String(found[from]);
    });
  }
  if (Array.isArray(configured)) return configured.map((item) => substituted(item, target));
  if (configured !== null && typeof configured === "object") {
    return Object.fromEntries(Object.entries(configured).map(([k, v]) => [k, substituted(v, target)]));
  }
  return configured;
}

/** A value for an attribute the plan leaves unknown, as the provider would have set it on apply. */
function appliedValue(attrType: Json, name: string, address: string, region: string, account: string): Json {
  if (attrType === "string") {
    const id = fakeId(address);
    const type = /^(?:module\.[^.]+\.)?([^.]+)\./.exec(address)?.[1] ?? "";
    const service = type.split("_")[1];
    if (name === "arn") return `arn:aws:${service}:${region}:${account}:${type.replace(/^aws_[a-z0-9]+_/, "")}/${id}`;
    if (name === "id") return id;
    if (name.endsWith("_at")) return "2026-01-01T00:00:00Z";
    // Anything else (a status, a type) may be an enum the provider checks: left null, as a
    // provider that did not report it would leave it.
    return null;
  }
  if (attrType === "number") return 1;
  if (attrType === "bool") return false;
  if (Array.isArray(attrType) && (attrType[0] === "list" || attrType[0] === "set")) return [];
  if (Array.isArray(attrType) && attrType[0] === "map") return {};
  return null;
}

/** State v4 `sensitive_attributes`: the path of every `true` in a plan's `after_sensitive`. */
function sensitivePaths(marks: Json, path: Json[] = []): Json[][] {
  if (marks === true) return [path];
  if (marks === null || typeof marks !== "object") return [];
  return Object.entries(marks).flatMap(([key, value]) =>
    sensitivePaths(value, [
      ...path,
      Array.isArray(marks)
        ? { type: "index", value: { value: Number(key), type: "number" } }
        : { type: "get_attr", value: key },
    ]),
  );
}

function fakeId(address: string): string {
  let hash = 0;
  for (const char of address) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(36).padStart(12, "0").slice(-12);
}

/**
 * The state an apply of `plan` would leave (state format v4): every managed resource the plan
 * creates, with the values it planned, and the ones it left unknown filled as AWS would
 * (ARNs, IDs; a reference to another resource's attribute takes that attribute's value).
 * `configs` are the child modules' stack JSON by module name (their provider block, in the root,
 * configures them all); `schema` is `providers schema -json`.
 */
export function stateAfterApply(plan: Json, schema: Json, configs: Record<string, Json>, providerSource: string): Json {
  const resourceSchemas = Object.values(schema.provider_schemas as Record<string, Json>)[0].resource_schemas;
  const changes = (plan.resource_changes as Json[]).filter((c) => c.mode === "managed");
  const values = new Map<string, Json>();
  const pending: Array<() => boolean> = [];
  const resources = changes.map((change) => {
    const module = change.module_address as string;
    const moduleName = module.replace(/^module\./, "");
    const config = configs[moduleName];
    const body = config.resource[change.type][change.name];
    const provider = config.provider.aws[0];
    const account = provider.allowed_account_ids?.[0] ?? "123456789012";
    const block = resourceSchemas[change.type].block;
    const attributes = structuredClone(change.change.after);
    // Each unknown value: the referenced values once known (a reference may sit in a list, a
    // map or inside a longer string), else what the provider would report for the attribute.
    const target = (type: string, name: string) => values.get(`${module}.${type}.${name}`);
    const fill = (holder: Json, key: string | number, configured: Json, unknown: Json, topLevel: boolean): void => {
      if (unknown === true) {
        const references = resourceReferences(configured);
        if (references.length === 0) {
          if (topLevel) {
            holder[key] = appliedValue(
              block.attributes?.[key]?.type,
              String(key),
              change.address,
              provider.region,
              account,
            );
          }
          return;
        }
        pending.push(() => {
          if (references.some(([, type, name]) => target(type as string, name as string) === undefined)) return false;
          holder[key] = substituted(configured, target);
          return true;
        });
      } else if (
        unknown !== null &&
        typeof unknown === "object" &&
        configured !== null &&
        typeof configured === "object"
      ) {
        if (holder[key] === null || holder[key] === undefined) holder[key] = Array.isArray(unknown) ? [] : {};
        // A nested block is written as one object or as a list; a set of blocks comes back in the
        // engine's order, so each element is matched to the configured one by its known values.
        const listed = Array.isArray(configured) ? configured : [configured];
        for (const [inner, marks] of Object.entries(unknown)) {
          if (!Array.isArray(unknown)) {
            fill(holder[key], inner, configured[inner], marks, false);
            continue;
          }
          const index = Number(inner);
          fill(holder[key], index, sameElement(listed, holder[key][index]) ?? listed[index], marks, false);
        }
      }
    };
    for (const [attr, unknown] of Object.entries(change.change.after_unknown as Record<string, Json>)) {
      fill(attributes, attr, body[attr], unknown, true);
    }
    values.set(change.address, attributes);
    const dependencies = [...JSON.stringify(body).matchAll(/\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\./g)]
      .filter((m) => !(m[1] as string).startsWith("data") && m[1] !== "var" && m[1] !== "local")
      .map((m) => `${module}.${m[1]}.${m[2]}`);
    return {
      mode: "managed",
      module,
      type: change.type,
      name: change.name,
      provider: `provider["${providerSource}"]`,
      instances: [
        {
          schema_version: resourceSchemas[change.type].version ?? 0,
          attributes,
          // Which values are sensitive is part of the state: without it the engine plans an update.
          sensitive_attributes: sensitivePaths(change.change.after_sensitive),
          ...(body.lifecycle?.create_before_destroy ? { create_before_destroy: true } : {}),
          dependencies: [...new Set(dependencies)].sort(),
        },
      ],
    };
  });
  for (let round = 0; pending.length > 0 && round < 10; round++) {
    for (let i = pending.length - 1; i >= 0; i--) if (pending[i]?.()) pending.splice(i, 1);
  }
  if (pending.length > 0) throw new Error("a reference in the before plan points at no planned resource");
  return {
    version: 4,
    terraform_version: "1.10.0",
    serial: 1,
    lineage: "bedrock-profiles-engine-test",
    outputs: {},
    resources,
  };
}
