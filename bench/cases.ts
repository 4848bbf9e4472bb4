/**
 * What `npm run bench` runs: the floor app, the shipped config and the generated sizes, each as
 * the argv and config text of one case.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPlan } from "../config/loader.ts";
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

/**
 * Profile instances of a profiles file as synth counts them (one per environment it is deployed
 * to): read through the loader, so anchors, merge keys and every rule count as they do in synth.
 */
function countProfileInstances(file: string): number {
  return loadPlan(file).environments.reduce((sum, environment) => sum + environment.profiles.length, 0);
}

/** The floor, the shipped config (the everyday case), then the synthetic sizes. */
export function benchCases(sizes: number[], command: string[]): BenchCase[] {
  const cases: BenchCase[] = [{ label: "floor", profiles: 0, configText: "", command: floorCommand(command) }];
  if (existsSync(SHIPPED_CONFIG)) {
    const configText = readFileSync(SHIPPED_CONFIG, "utf8");
    cases.push({
      label: "shipped",
      profiles: countProfileInstances(SHIPPED_CONFIG),
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
