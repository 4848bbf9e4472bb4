/**
 * `npm run synth` and the `cdktf.json` app: run `main.ts` as one precompiled JavaScript bundle,
 * `dist/main.js`, rebuilt first whenever it is missing or older than any file it was built from.
 *
 * Why: transpiling TypeScript at start (`node --import tsx main.ts`) and loading cdktf, the
 * provider, zod and yaml as hundreds of separate modules cost about three times what the
 * smallest cdktf app needs to start (`npm run bench` prints both). One bundle starts as fast
 * as that app. The build takes a few hundred milliseconds, so it runs only when a source changed:
 * esbuild's metafile lists every input, and a source edit, a new import (which edits an
 * importing file), a checkout or `npm ci` (which rewrites `node_modules/.package-lock.json`)
 * makes the bundle stale. `dist/` is generated, never committed.
 *
 * Plain JavaScript, so that plain `node` runs it with no loader.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BUNDLE = join(ROOT, "dist", "main.js");
/** The project files the bundle was built from (esbuild's metafile inputs outside node_modules). */
const SOURCES = join(ROOT, "dist", "main.sources.json");
/** npm rewrites it on every `npm ci` or `npm install`: a changed dependency means a stale bundle. */
const INSTALLED_PACKAGES = join(ROOT, "node_modules", ".package-lock.json");

/** Modification time in ms, or undefined when the file does not exist. */
function modifiedAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** True when the bundle is missing or any file it was built from (or this script) is newer. */
function isStale() {
  const builtAt = modifiedAt(BUNDLE);
  if (builtAt === undefined) return true;
  let sources;
  try {
    sources = JSON.parse(readFileSync(SOURCES, "utf8")).map((input) => join(ROOT, input));
  } catch {
    return true;
  }
  return [fileURLToPath(import.meta.url), INSTALLED_PACKAGES, ...sources].some((file) => {
    const changedAt = modifiedAt(file);
    return changedAt === undefined || changedAt > builtAt;
  });
}

/**
 * cdktf records where each token was made: every attribute reference, Lazy and intrinsic calls
 * its `captureStackTrace`, which collects and formats the whole stack at unlimited depth
 * (cdktf/lib/tokens/private/stack-trace.js, copied from
 * https://github.com/aws/constructs/blob/e01e47f78ef1e9b600efcd23ff7705aa8d384017/lib/private/stack-trace.ts);
 * `App({ stackTraces: false })` does not reach it. The trace is only read to explain a token
 * that fails to resolve, which a resolved plan never makes, yet at 1,000 profiles it took a
 * quarter of the CPU, and the kept strings held about 90 MB at 4,000. The bundle gets the
 * function without the trace: an empty creation stack, as cdktf itself returns when V8 gives none.
 */
const withoutTokenStackTraces = {
  name: "without-token-stack-traces",
  setup(build) {
    build.onLoad({ filter: /[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/ }, () => ({
      contents: "exports.captureStackTrace = () => [];",
      loader: "js",
    }));
  },
};

/**
 * Exact text edits of cdktf files in the bundle, for work whose result nothing here reads. Each
 * `from` must occur exactly once in its file; after a cdktf upgrade that changed one, the build
 * fails with the file and the text, rather than shipping a bundle without the edit unnoticed.
 * The JSON written stays byte-identical (the snapshot and bundle tests compare it).
 */
const CDKTF_EDITS = [
  {
    // Token resolution walks every value of every element once per synth; at 1,000 profiles it
    // was a third of the CPU. Per call it joined the whole key path into a string that only
    // error messages use, and built a context (an object, two closures, a copied options object)
    // for each string and each object key only to read two flags of the parent context. Same
    // results, without the garbage: the path is joined when an error needs it, and a key or a
    // string reads the flags from the parent context directly (makeContext copies them from it).
    file: /[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]resolve\.js$/,
    edits: [
      ['const pathName = "/" + prefix.join("/");', 'const pathName = { toString: () => "/" + prefix.join("/") };'],
      [
        "const context = makeContext()[0];\n        const tokenStr = encoding_1.TokenString.forString(str, !context.ignoreEscapes, context.warnEscapes);",
        "const tokenStr = encoding_1.TokenString.forString(str, !options.previousContext?.ignoreEscapes, options.previousContext?.warnEscapes);",
      ],
      ["const resolvedKey = makeContext()[0].resolve(key);", "const resolvedKey = resolve(key, options);"],
    ],
  },
  {
    // A stack's JSON is its elements' JSON, each resolved, merged with the stack's overrides;
    // cdktf then resolves the whole merged tree once more, which re-walks every value to resolve
    // only the overrides. When the overrides hold no token (resolving them changes nothing, as
    // in every stack of this app), the merged tree is already resolved.
    file: /[\\/]cdktf[\\/]lib[\\/]terraform-stack\.js$/,
    edits: [
      [
        "(0, util_1.deepMerge)(tf, this.rawOverrides);\n        return (0, _tokens_1.resolve)(this, tf);",
        // In a try: an override holding a token object may not serialize; cdktf's path then runs,
        // and throws what it would have thrown.
        "let overridesResolved = false;\n" +
          "        try { overridesResolved = JSON.stringify((0, _tokens_1.resolve)(this, this.rawOverrides)) === JSON.stringify(this.rawOverrides); } catch {}\n" +
          "        (0, util_1.deepMerge)(tf, this.rawOverrides);\n" +
          "        return overridesResolved ? tf : (0, _tokens_1.resolve)(this, tf);",
      ],
    ],
  },
  {
    // archiver (and the streams, glob and zip libraries under it, about a third of cdktf's part of
    // the bundle) zips a TerraformAsset directory; this app has none, yet cdktf loads it with its
    // index. Loaded on the first zip instead, the same module, it costs nothing at start.
    file: /[\\/]cdktf[\\/]lib[\\/]private[\\/]fs\.js$/,
    edits: [['const archiver = require("archiver");', 'const archiver = (...args) => require("archiver")(...args);']],
  },
];

/** Applies {@link CDKTF_EDITS} as the bundle loads each file. */
const cdktfEdits = {
  name: "cdktf-edits",
  setup(build) {
    for (const { file, edits } of CDKTF_EDITS) {
      build.onLoad({ filter: file }, ({ path }) => {
        let contents = readFileSync(path, "utf8");
        for (const [from, to] of edits) {
          const count = contents.split(from).length - 1;
          if (count !== 1) {
            return { errors: [{ text: `expected this text once in ${path}, found it ${count} times: ${from}` }] };
          }
          contents = contents.replace(from, () => to);
        }
        return { contents, loader: "js" };
      });
    }
  },
};

/**
 * Bundles main.ts with every dependency into dist/main.js. Written to a temporary file and
 * renamed, so a synth running at the same time (parallel tests) never loads half a bundle.
 */
async function build() {
  const { build: esbuild } = await import("esbuild");
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ["main.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node}`,
    // cdktf, constructs and yaml are CommonJS and call require() for Node's built-ins, which
    // an ES module bundle only has through createRequire.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    plugins: [withoutTokenStackTraces, cdktfEdits],
    // Less text for Node to parse at every start: about 1.9 instead of 2.9 MB, and less memory
    // (shipped config 86 instead of 104 MB, same CPU). Not minify as a whole: renaming
    // identifiers needs keepNames to keep class names, and that cost more than it saved.
    minifyWhitespace: true,
    minifySyntax: true,
    outfile: BUNDLE,
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  mkdirSync(dirname(BUNDLE), { recursive: true });
  const temporary = `${BUNDLE}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  // Files under node_modules change only through npm, which INSTALLED_PACKAGES stands for.
  const sources = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith("node_modules/"));
  writeFileSync(`${SOURCES}.${process.pid}.tmp`, JSON.stringify(sources));
  renameSync(`${SOURCES}.${process.pid}.tmp`, SOURCES);
  renameSync(temporary, BUNDLE);
}

if (isStale()) {
  try {
    await build();
  } catch {
    // esbuild has already printed each error with its file, line and column.
    process.stderr.write(
      `${relative(process.cwd(), join(ROOT, "main.ts"))}: the build failed; nothing was synthesized.\n`,
    );
    process.exit(1);
  }
}
// Peak memory. Each stack's resolved JSON and its text outlive a few young-generation collections,
// so they end up in the old generation as garbage once the stack is written; V8 lets that heap
// grow to a multiple of what the last full collection kept before collecting again, and at
// 4,000 profiles the peak reached 300-340 MB while about 70 MB were live. A growth factor of 1.5
// collects sooner: about 255 MB at 4,000 profiles for about 10% more CPU there, and no change
// measured at 1,000. It sets when V8 collects, not a limit: a larger config
// still gets all the heap it needs. V8 reads the flag whenever it sizes the heap, so setting it
// here, before the app allocates, takes effect.
setFlagsFromString("--heap-growing-percent=50");
await import(pathToFileURL(BUNDLE).href);
