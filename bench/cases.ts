/**
 * What `npm run bench` runs: the floor app, the shipped config and the generated sizes, each as
 * the argv and config text of one case.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { generateConfig } from "./generate-config.ts";

/** Repo root, derived from this file so the bench works from any working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHIPPED_CONFIG = join(REPO_ROOT, "config", "profiles.yaml");
const FLOOR_APP = join(REPO_ROOT, "bench", "floor.js");

/** One row of the bench: what runs, against which config. */
export interface BenchCase {
  label: string;
  profiles: number;
  configText: string;
  /** The argv that runs this case: the synth command, or the floor app for the floor. */
  command: string[];
}

/**
 * The floor's argv: node with the synth command's Node flags, running bench/floor.js. A
 * TypeScript loader (`--import tsx`) is left out: the floor is JavaScript, and the loader's
 * start-up is exactly the kind of cost the floor exists to expose.
 */
export function floorCommand(command: string[]): string[] {
  const [file, ...args] = command;
  if (file === undefined || !/^node(\.exe)?$/.test(basename(file))) return [process.execPath, FLOOR_APP];
  const flags: string[] = [];
  for (let index = 0; index < args.length && (args[index] ?? "").startsWith("-"); index += 1) {
    const flag = args[index] ?? "";
    if (flag === "--import" && args[index + 1] === "tsx") index += 1;
    else if (flag !== "--import=tsx") flags.push(flag);
  }
  return [file, ...flags, FLOOR_APP];
}

/** Number of profile instances in a config: each profile counts once per listed env. */
export function countProfileInstances(configText: string): number {
  const config: unknown = parseYaml(configText);
  let count = 0;
  for (const product of Object.values(objectField(config, "products"))) {
    for (const profile of Object.values(objectField(product, "profiles"))) {
      const envs = objectField(profile, "envs");
      count += Array.isArray(envs) ? envs.length : 0;
    }
  }
  return count;
}

/** Reads a field of an unknown YAML node, treating anything malformed as empty. */
export function objectField(node: unknown, key: string): Record<string, unknown> {
  if (typeof node !== "object" || node === null) return {};
  const value: unknown = (node as Record<string, unknown>)[key];
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** The floor, the shipped config (the everyday case), then the synthetic sizes. */
export function benchCases(sizes: number[], command: string[]): BenchCase[] {
  const cases: BenchCase[] = [{ label: "floor", profiles: 0, configText: "", command: floorCommand(command) }];
  if (existsSync(SHIPPED_CONFIG)) {
    const configText = readFileSync(SHIPPED_CONFIG, "utf8");
    cases.push({
      label: "shipped",
      profiles: countProfileInstances(configText),
      configText,
      command,
    });
  } else {
    console.error(`note: ${SHIPPED_CONFIG} not found, skipping the "shipped" row`);
  }
  for (const size of sizes)
    cases.push({
      label: String(size),
      profiles: size,
      configText: generateConfig(size),
      command,
    });
  return cases;
}
