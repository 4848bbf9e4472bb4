/**
 * The facts the review reads (`stacks/resource-facts.ts`, through `review/coverage.ts`) against
 * what the stacks really synthesize, for the shipped config and every valid fixture: each
 * resource's lifecycle is the one its facts declare, and no stack holds a type the review does
 * not know.
 */
import { describe, expect, it } from "vitest";
import { REVIEWED_RESOURCES, reviewedFacts } from "../review/coverage.ts";
import { shippedConfig, synth, validFixtureConfigs } from "./helpers.ts";

/** One synthesized resource or data source, with where it stands. */
interface Synthesized {
  readonly where: string;
  readonly type: string;
  // biome-ignore lint/suspicious/noExplicitAny: synthesized Terraform JSON is read structurally
  readonly body: any;
}

/** The first place of each type in `list`, so a failure names each type once. */
function firstOfEachType(list: readonly Synthesized[]): string[] {
  const first = new Map<string, string>();
  for (const { type, where } of list) if (!first.has(type)) first.set(type, where);
  return [...first.values()];
}

const configs = [{ name: "config/profiles.yaml", config: shippedConfig() }, ...validFixtureConfigs()];
const synthesized: Synthesized[] = configs.flatMap(({ name, config }) =>
  Object.entries(synth(config)).flatMap(([stack, { json }]) =>
    (["resource", "data"] as const).flatMap((block) =>
      Object.entries<Record<string, unknown>>(json[block] ?? {}).flatMap(([type, byName]) =>
        Object.entries(byName).map(([address, body]) => ({
          where: `${name} ${stack} ${block === "data" ? "data." : ""}${type}.${address}`,
          type: block === "data" ? `data.${type}` : type,
          body,
        })),
      ),
    ),
  ),
);

describe("the facts the review reads", () => {
  it("are read from many stacks", () => {
    expect(configs.length).toBeGreaterThan(40);
    expect(new Set(synthesized.map((s) => s.type)).size).toBe(REVIEWED_RESOURCES.length);
  });

  it("name every resource type a stack synthesizes", () => {
    expect(firstOfEachType(synthesized.filter((s) => reviewedFacts(s.type) === undefined))).toEqual([]);
  });

  it("declare the lifecycle each resource is synthesized with", () => {
    const disagreeing = synthesized.filter(({ type, body }) => {
      const facts = reviewedFacts(type);
      if (facts === undefined) return false;
      const declared = { create_before_destroy: facts.createBeforeDestroy, ignore_changes: [...facts.ignoreChanges] };
      const actual = {
        create_before_destroy: body.lifecycle?.create_before_destroy ?? false,
        ignore_changes: body.lifecycle?.ignore_changes ?? [],
      };
      return JSON.stringify(actual) !== JSON.stringify(declared);
    });
    expect(firstOfEachType(disagreeing)).toEqual([]);
  });

  it("list each type once", () => {
    const types = REVIEWED_RESOURCES.map((reviewed) => reviewed.facts.type);
    expect(types).toEqual([...new Set(types)]);
  });
});
