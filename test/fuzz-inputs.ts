/**
 * The fuzz of the loader (issue 12): profiles files mutated at the byte, token and structure
 * level, and the one property every input must have. Shared by `test/config-fuzz.test.ts`
 * (bounded, in `npm test`) and `scripts/fuzz.ts` (`npm run fuzz`, minutes).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { BUILT_IN_MODELS } from "../config/catalog.ts";
import { ConfigError } from "../config/errors.ts";
import { parseConfig } from "../config/loader.ts";
import { resolveEnvironments } from "../config/resolve.ts";
import { buildApp, localStatePath } from "../stacks/bedrock-app.ts";
import { synthIntoPlace } from "../stacks/synth-into-place.ts";

const FIXTURES = new URL("fixtures/", import.meta.url);

/** The files mutated: a copy of the shipped config and fixtures of other shapes. */
export const FUZZ_SEEDS: readonly string[] = [
  "fuzz/shipped-copy.yaml",
  "valid-but-unusual.yaml",
  "backend-role-encryption.yaml",
  "consumer-policy-shapes.yaml",
].map((name) => readFileSync(new URL(name, FIXTURES), "utf8"));

/** Inputs that once failed the property, kept so that every run tries them again. */
export const FUZZ_REGRESSIONS: readonly string[] = readdirSync(new URL("fuzz/", FIXTURES))
  .filter((name) => name.startsWith("failure-"))
  .map((name) => readFileSync(new URL(`fuzz/${name}`, FIXTURES), "latin1"));

/** Strings that mean something to YAML or to the rules, for token-level mutations. */
const TOKENS = [
  ":",
  ": ",
  "-",
  "- ",
  "[",
  "]",
  "{",
  "}",
  ",",
  "#",
  "&a",
  "*a",
  "!",
  "!!str",
  "%",
  "@",
  "`",
  "|",
  ">",
  "'",
  '"',
  "---",
  "...",
  "? ",
  "<<",
  "\t",
  "\r\n",
  "\n",
  "  ",
  "\uFEFF",
  "\u00A0",
  "\u200B",
  "\u0430",
  "\u2014",
  "~",
  "null",
  "yes",
  "no",
  "on",
  "1",
  "1e3",
  "0x1f",
  "012345678901",
  '"1"',
  "",
  "x".repeat(300),
  "prod",
  "dev",
  "eu",
  "us",
  "none",
  "eu-central-1",
  "us-gov-west-1",
  "claude-sonnet-45",
  "nova-pro",
  "arn:aws:iam::444444444444:role/x",
  "arn:aws:kms:eu-west-1:444444444444:key/abc",
  "s3://Bucket_1",
  "acwt9yee9wzo",
  "agents-fast",
  "fast-main",
  "aws-x",
  "import",
  "envs",
  "model",
  "name",
  "tags",
];

/** Split into tokens: runs of word characters, runs of spaces, and single other characters. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9_.\-/@]+|[ ]+|[\s\S]/g) ?? [];
}

/** Apply one mutation, chosen and placed by `choice` and `position` (fractions of the text). */
type Mutation = (text: string, position: number, other: number, token: string) => string;

const at = (length: number, fraction: number) => Math.min(length, Math.floor(fraction * (length + 1)));

const MUTATIONS: readonly Mutation[] = [
  // bytes
  (text, p, _o, token) => {
    const i = at(text.length, p);
    return text.slice(0, i) + token.slice(0, 1) + text.slice(i);
  },
  (text, p, o) => {
    const i = at(text.length, p);
    return text.slice(0, i) + text.slice(i + 1 + Math.floor(o * 20));
  },
  (text, p, o) => {
    const i = at(text.length - 1, p);
    return text.slice(0, i) + String.fromCharCode(Math.floor(o * 0x3000)) + text.slice(i + 1);
  },
  // tokens
  (text, p, _o, token) => {
    const parts = tokens(text);
    parts[at(parts.length - 1, p)] = token;
    return parts.join("");
  },
  (text, p, o) => {
    const parts = tokens(text);
    const [i, j] = [at(parts.length - 1, p), at(parts.length - 1, o)];
    [parts[i], parts[j]] = [parts[j], parts[i]];
    return parts.join("");
  },
  // structure
  (text, p) => {
    const lines = text.split("\n");
    lines.splice(at(lines.length - 1, p), 1);
    return lines.join("\n");
  },
  (text, p, o) => {
    const lines = text.split("\n");
    const i = at(lines.length - 1, p);
    lines.splice(at(lines.length, o), 0, lines[i]);
    return lines.join("\n");
  },
  (text, p, o) => {
    const lines = text.split("\n");
    const i = at(lines.length - 1, p);
    lines[i] = o < 0.5 ? `  ${lines[i]}` : lines[i].replace(/^ {1,2}/, "");
    return lines.join("\n");
  },
  (text, p, o) => {
    const lines = text.split("\n");
    const i = at(lines.length - 1, p);
    const depth = 1 + Math.floor(o * 60);
    lines[i] = lines[i].replace(/: (.+)$/, (_m, value: string) => `: ${"[".repeat(depth)}${value}${"]".repeat(depth)}`);
    return lines.join("\n");
  },
  (text, p, o) => {
    const lines = text.split("\n");
    const [i, j] = [at(lines.length - 1, p), at(lines.length - 1, o)];
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join("\n");
  },
];

/** One mutation step, drawn by fast-check. */
const step = fc.tuple(
  fc.nat({ max: MUTATIONS.length - 1 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8, unit: "binary" })),
);

/** A seed file with one to four mutations applied. */
export const mutatedProfiles: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...FUZZ_SEEDS), fc.array(step, { minLength: 1, maxLength: 4 }))
  .map(([seed, steps]) =>
    steps.reduce((text, [index, position, other, token]) => MUTATIONS[index](text, position, other, token), seed),
  );

/** What became of one input. */
export type Outcome = "synthesized" | "refused";

/** The resolved environments or the ConfigError of `text` (any other error is thrown), and the process warnings emitted meanwhile. */
function loadQuietly(text: string): {
  loaded: ReturnType<typeof resolveEnvironments> | ConfigError;
  warnings: string[];
} {
  const warnings: string[] = [];
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning: string | Error) => {
    warnings.push(String(warning));
  };
  try {
    return { loaded: resolveEnvironments(parseConfig(text, "fuzz.yaml"), BUILT_IN_MODELS), warnings };
  } catch (error) {
    if (error instanceof ConfigError) return { loaded: error, warnings };
    throw error;
  } finally {
    process.emitWarning = emitWarning;
  }
}

/**
 * The property: a file is either synthesized, every stack written, or refused with a ConfigError
 * holding at least one located message, no stack trace, and nothing written. Anything else
 * (another exception, a partial output) throws.
 */
export function checkInput(text: string): Outcome {
  const parent = mkdtempSync(join(tmpdir(), "bedrock-profiles-fuzz-"));
  const outdir = join(parent, "cdktf.out");
  try {
    const { loaded, warnings } = loadQuietly(text);
    // A warning the YAML library prints itself (`(node:…) Warning: …`) would reach the user unlocated.
    if (warnings.length > 0) throw new Error(`the loader printed a warning: ${warnings.join("; ")}`);
    if (loaded instanceof ConfigError) {
      if (!loaded.issues.some((issue) => issue.position !== undefined)) {
        throw new Error(`no located message in:\n${loaded.message}`);
      }
      if (/^\s+at .+:\d+:\d+\)?$/m.test(loaded.message)) throw new Error(`stack trace in:\n${loaded.message}`);
      if (readdirSync(parent).length > 0) throw new Error("a refused file wrote output");
      return "refused";
    }
    const environments = loaded;
    synthIntoPlace(outdir, (directory) =>
      buildApp(environments, {
        outdir: directory,
        localStatePath: (stack) => localStatePath(outdir, stack, process.cwd()),
      }).synth(),
    );
    const written = readdirSync(join(outdir, "stacks")).sort();
    const expected = environments.map((environment) => environment.stackName).sort();
    if (
      written.join() !== expected.join() ||
      !written.every((stack) => existsSync(join(outdir, "stacks", stack, "cdk.tf.json")))
    ) {
      throw new Error(`stacks written ${written.join()} instead of ${expected.join()}`);
    }
    if (readdirSync(parent).length !== 1) throw new Error(`left beside the outdir: ${readdirSync(parent).join()}`);
    return "synthesized";
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}
