/** How the review turns a changed argument into an effect, from a resource type's facts. */
import { describe, expect, it } from "vitest";
import { effectOf } from "../review/profile-changes.ts";
import type { ResourceFacts } from "../stacks/resource-facts.ts";

const facts: ResourceFacts = {
  type: "aws_example",
  forcesReplacement: ["name", "model_source", "region"],
  createBeforeDestroy: true,
  ignoreChanges: ["model_source"],
};

describe("effectOf", () => {
  it("replaces on an argument that forces a replacement", () => {
    expect(effectOf(facts, ["name"])).toBe("replace");
  });

  it("ignores a change of ignored arguments only", () => {
    expect(effectOf(facts, ["model_source"])).toBe("ignore");
  });

  it("replaces when an ignored argument changes together with one that forces a replacement", () => {
    expect(effectOf(facts, ["model_source", "region"])).toBe("replace");
  });

  it("updates in place any other argument, and nothing changed", () => {
    expect(effectOf(facts, ["description"])).toBe("update");
    expect(effectOf(facts, [])).toBe("update");
  });
});
