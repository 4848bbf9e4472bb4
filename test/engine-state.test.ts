/**
 * The state builder of the engine test (`stateAfterApply` in test/engine.ts), without an engine:
 * how a value the plan leaves unknown is filled from the resource it references. It is pure, so
 * a plan of two resources written here shows each way a reference is replaced.
 */
import { describe, expect, it } from "vitest";
import { stateAfterApply } from "./engine.ts";

const PROVIDER_SOURCE = "registry.opentofu.org/hashicorp/aws";
const ARN = "arn:aws:a:eu-west-1:111111111111:one";

/** The state `aws_b.two` is left in when each attribute of `configured` is unknown in its plan. */
function appliedFrom(configured: Record<string, unknown>): unknown {
  const plan = {
    resource_changes: [
      {
        mode: "managed",
        module_address: "module.m",
        address: "module.m.aws_a.one",
        type: "aws_a",
        name: "one",
        change: { after: { arn: ARN, size: 3, tags: ["t1", "t2"] }, after_unknown: {}, after_sensitive: {} },
      },
      {
        mode: "managed",
        module_address: "module.m",
        address: "module.m.aws_b.two",
        type: "aws_b",
        name: "two",
        change: {
          after: Object.fromEntries(Object.keys(configured).map((key) => [key, null])),
          after_unknown: Object.fromEntries(Object.keys(configured).map((key) => [key, true])),
          after_sensitive: {},
        },
      },
    ],
  };
  const schema = {
    provider_schemas: {
      [PROVIDER_SOURCE]: {
        resource_schemas: { aws_a: { version: 0, block: {} }, aws_b: { version: 0, block: {} } },
      },
    },
  };
  const configs = {
    m: {
      provider: { aws: [{ region: "eu-west-1", allowed_account_ids: ["111111111111"] }] },
      resource: { aws_a: { one: {} }, aws_b: { two: configured } },
    },
  };
  const state = stateAfterApply(plan, schema, configs, PROVIDER_SOURCE);
  return state.resources[1].instances[0].attributes;
}

describe("the engine test's state builder fills a value the plan leaves unknown from what it references", () => {
  it("a string that is one reference becomes the referenced value, whatever its type", () => {
    expect(
      appliedFrom({ arn: "${aws_a.one.arn}", size: "${aws_a.one.size}", tags: "${aws_a.one.tags}" }),
    ).toStrictEqual({ arn: ARN, size: 3, tags: ["t1", "t2"] });
  });

  it("a reference inside a longer string is spliced in as text", () => {
    expect(appliedFrom({ name: "profile ${aws_a.one.arn}/x", label: "size-${aws_a.one.size}" })).toStrictEqual({
      name: `profile ${ARN}/x`,
      label: "size-3",
    });
  });

  it("references in a list are replaced item by item", () => {
    expect(appliedFrom({ listed: ["${aws_a.one.arn}", "arn-${aws_a.one.size}", 7] })).toStrictEqual({
      listed: [ARN, "arn-3", 7],
    });
  });

  it("references in a map are replaced value by value", () => {
    expect(
      appliedFrom({ mapped: { whole: "${aws_a.one.size}", spliced: "a-${aws_a.one.size}", plain: true } }),
    ).toStrictEqual({ mapped: { whole: 3, spliced: "a-3", plain: true } });
  });

  it("a reference to no planned resource stays as written, alone or beside one that is replaced", () => {
    expect(
      appliedFrom({ listed: ["${aws_a.one.arn}", "${var.other.thing}"], name: "${aws_a.one.arn}:${var.other.thing}" }),
    ).toStrictEqual({ listed: [ARN, "${var.other.thing}"], name: `${ARN}:\${var.other.thing}` });
  });
});
