/**
 * zod's shape issues in the words of a YAML author: each with the value given, what is allowed
 * and a fix (did you mean, quote it, write it as a list). The keys an object accepts are read
 * from the schema's public JSON Schema, the same one editors get.
 */
import type { z } from "zod";
import { KNOWN_REGIONS } from "./catalog.ts";
import { type ConfigIssue, type ConfigPath, closest, didYouMean, show } from "./errors.ts";
import { profilesJsonSchemaObject } from "./schema.ts";
import type { SourceMap } from "./yaml-source.ts";

/** One node of a JSON Schema, as far as the known keys need it. */
interface JsonSchemaNode {
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly additionalProperties?: JsonSchemaNode | boolean;
  readonly items?: JsonSchemaNode;
}

let jsonSchema: JsonSchemaNode | undefined;

/** The JSON Schema editors get (`npm run schema`), made once and only when a shape issue needs it. */
function profilesJsonSchemaNode(): JsonSchemaNode {
  jsonSchema ??= profilesJsonSchemaObject() as JsonSchemaNode;
  return jsonSchema;
}

/** The keys an object in the schema accepts at `path` (for did-you-mean on unknown keys). */
export function knownKeysAt(path: ConfigPath): string[] {
  let node: JsonSchemaNode | undefined = profilesJsonSchemaNode();
  for (const part of path) {
    if (node === undefined) return [];
    if (node.properties !== undefined) node = node.properties[String(part)];
    else if (typeof node.additionalProperties === "object") node = node.additionalProperties;
    else node = node.items;
  }
  return Object.keys(node?.properties ?? {});
}

/** zod's type names as a YAML author knows them. */
const EXPECTED_TYPES: Readonly<Record<string, string>> = {
  object: "a mapping",
  record: "a mapping",
  array: "a list",
  string: "a string",
  number: "a number",
};

/** The type of a YAML value, in words. */
function typeName(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `a ${typeof value}`;
}

/** What a shape issue is about: its path, the value given there, and the whole input. */
interface IssueSite {
  readonly path: ConfigPath;
  readonly given: unknown;
  readonly input: unknown;
  readonly source: SourceMap;
}

/** Keys the schema does not know, each with the keys it does. */
function unknownKeys(keys: readonly string[], { path }: IssueSite): ConfigIssue[] {
  const known = knownKeysAt(path);
  return keys.map((key) => ({
    path: [...path, key],
    atKey: true,
    message: `unknown key ${show(key)}`,
    allowed: known.join(", "),
    fix: didYouMean(key, known) ?? "remove it; unknown keys are never ignored silently",
  }));
}

/**
 * A required key that is missing; nothing when a misspelt key is there instead: `modle:` is
 * reported as an unknown key with "did you mean model?", and a second error saying model is
 * missing would only make the one mistake look like two.
 */
function missingKey(expected: string, { path, input }: IssueSite): ConfigIssue[] {
  const last = path[path.length - 1];
  const parent = path.slice(0, -1).reduce<unknown>((value, part) => (value as Record<string, unknown>)?.[part], input);
  const known = knownKeysAt(path.slice(0, -1));
  const misspelt = Object.keys(parent ?? {}).some(
    (key) => !known.includes(key) && closest(key, known) === String(last),
  );
  if (misspelt) return [];
  return [
    {
      path: path.slice(0, -1),
      atKey: true,
      message: `missing ${show(last)} (${EXPECTED_TYPES[expected] ?? expected})`,
      fix: `add ${String(last)}:`,
    },
  ];
}

/** The fix of a value of the wrong type, when one is obvious from what was written. */
function wrongTypeFix(expected: string, { path, given }: IssueSite): string | undefined {
  const last = String(path[path.length - 1]);
  if (typeof given === "string" && expected === "object" && given.startsWith("arn:")) {
    const keys = knownKeysAt(path);
    return `the ARN goes under a key of its own: ${last}: { ${keys.find((key) => key.endsWith("Arn") || key.endsWith("Id")) ?? keys[0]}: ${given} }`;
  }
  if (typeof given === "string" && /^[^\s:]+:\S/.test(given))
    return `put a space after the colon: ${given.replace(":", ": ")}`;
  if (expected === "number" && typeof given === "string") return numberFix(last, given);
  if (expected === "boolean" && typeof given === "string") return `write true or false, without quotes: ${last}: true`;
  if (expected === "array" && (typeof given === "string" || typeof given === "number")) {
    return `write it as a list: ${last}: [${given}]`;
  }
  return path.length === 0
    ? "start with version: 1, defaults:, environments: and products: (docs/configuration.md)"
    : undefined;
}

/** How to write a number given as a string: `"500"`, `"1,500"`, `"2M"`. */
function numberFix(key: string, given: string): string {
  const plain = given.replace(/[\s,_]/g, "");
  if (plain !== "" && Number.isFinite(Number(plain))) return `write it without quotes: ${key}: ${Number(plain)}`;
  const scaled = /^(\d+(?:\.\d+)?)([kKmM])$/.exec(plain);
  if (scaled !== null) {
    const factor = scaled[2]?.toLowerCase() === "k" ? 1_000 : 1_000_000;
    return `write it in digits, without quotes or a unit: ${key}: ${Math.round(Number(scaled[1]) * factor)}`;
  }
  const withUnit = /^[$€£]?(\d+(?:\.\d+)?)(?:[a-zA-Z%€$£]+)?$/.exec(plain);
  if (withUnit !== null) return `write it without quotes or a unit: ${key}: ${Number(withUnit[1])}`;
  return `write a number, without quotes or a unit, e.g. ${key}: 100`;
}

/** A value of the wrong type: missing, a number YAML read where a string was meant, or another type. */
function wrongType(expected: string, site: IssueSite): ConfigIssue[] {
  const { path, given, source } = site;
  if (given === undefined) return missingKey(expected, site);
  const last = path[path.length - 1];
  if (expected === "string" && (typeof given === "number" || typeof given === "boolean")) {
    const written = source.sourceText(path) ?? String(given);
    const lostZeros = typeof given === "number" && written !== String(given);
    return [
      {
        path,
        message: lostZeros
          ? `${written} was read by YAML as the number ${given}, dropping its leading zero`
          : `${written} was read by YAML as ${typeName(given)}; ${String(last)} takes a string`,
        fix: `quote it: ${String(last)}: "${written}"`,
      },
    ];
  }
  return [
    {
      path,
      message: `expected ${EXPECTED_TYPES[expected] ?? expected}, got ${typeName(given)}${typeof given === "object" ? "" : ` ${show(given)}`}`,
      fix: wrongTypeFix(expected, site),
    },
  ];
}

/** A value outside an enumeration or literal. */
function notAllowed(allowedValues: readonly unknown[], { path, given }: IssueSite): ConfigIssue[] {
  const values = allowedValues.map(String);
  const last = path[path.length - 1];
  if (given === undefined) {
    return [
      {
        path: path.slice(0, -1),
        atKey: true,
        message: `missing ${show(last)}`,
        allowed: values.join(", "),
        fix: `add ${String(last)}: ${values[0]}`,
      },
    ];
  }
  const wanted = allowedValues.map((value) => typeof value);
  if (!wanted.includes(typeof given as (typeof wanted)[number])) {
    // `version: "1"`: the quotes make it a string; saying `did you mean "1"?` would hide that.
    return [
      {
        path,
        message: `${show(given)} is ${typeName(given)}; ${String(last)} takes ${wanted.map((type) => `a ${type}`).join(" or ")}`,
        allowed: values.join(", "),
        fix: `write ${String(last)}: ${values[0]}${typeof given === "string" ? " without quotes" : ""}`,
      },
    ];
  }
  return [
    {
      path,
      message: `${show(given)} is not allowed`,
      allowed: values.join(", "),
      fix: typeof given === "string" ? didYouMean(given, values) : undefined,
    },
  ];
}

/** A string not of the form its key takes (a region, an account ID, an import ID). */
function badFormat(message: string, { path, given }: IssueSite): ConfigIssue[] {
  const last = String(path[path.length - 1]);
  const digits = typeof given === "string" ? given.replace(/\D/g, "").length : 0;
  return [
    {
      path,
      message: `${show(given)} ${message}`,
      fix:
        last === "region" && typeof given === "string"
          ? didYouMean(given, KNOWN_REGIONS)
          : last === "accountId" && digits !== 12
            ? `an account ID has 12 digits; this one has ${digits}: copy it from the AWS console or \`aws sts get-caller-identity\``
            : last === "import" && typeof given === "string"
              ? importFix(given)
              : undefined,
    },
  ];
}

/** One zod issue as one or more config issues, with the value given and a fix. */
export function shapeIssues(issue: z.core.$ZodIssue, input: unknown, source: SourceMap): ConfigIssue[] {
  const path = issue.path.map((part) => (typeof part === "symbol" ? String(part) : part));
  const given = path.reduce<unknown>(
    (value, part) =>
      value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined,
    input,
  );
  const site: IssueSite = { path, given, input, source };
  switch (issue.code) {
    case "unrecognized_keys":
      return unknownKeys(issue.keys, site);
    case "invalid_type":
      return wrongType(issue.expected, site);
    case "invalid_value":
      return notAllowed(issue.values, site);
    case "invalid_key": {
      const [inner] = issue.issues;
      return [{ path, atKey: true, message: `${show(path[path.length - 1])}: ${inner?.message ?? issue.message}` }];
    }
    case "invalid_format":
      return badFormat(issue.message, site);
    default:
      return [{ path, message: `${show(given)} ${issue.message}` }];
  }
}

/**
 * The fix for an `import:` that is not a profile ID: the ID inside an ARN, a lowercase one.
 * AWS issues application inference profile IDs of 12 lowercase letters and digits; the ARN ends
 * in `application-inference-profile/<id>` (GetInferenceProfile `inferenceProfileIdentifier`,
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_GetInferenceProfile.html).
 */
function importFix(given: string): string {
  const id = /application-inference-profile\/([a-zA-Z0-9]{12})$/.exec(given)?.[1];
  if (id !== undefined) return `write the ID alone, without the ARN: import: ${id.toLowerCase()}`;
  if (/^[a-zA-Z0-9]{12}$/.test(given)) return `write it in lowercase: import: ${given.toLowerCase()}`;
  if (given.includes("inference-profile/") || /^[a-z]+\.[a-z]/.test(given)) {
    return "import adopts an application inference profile (one you created), not a system-defined one; remove import: to create a new profile";
  }
  return "copy the ID from `aws bedrock list-inference-profiles --type-equals APPLICATION` (the part after application-inference-profile/ in its ARN)";
}
