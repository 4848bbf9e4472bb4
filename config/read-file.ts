/**
 * Reads the profiles file's bytes as text: a missing file, a directory or bytes that are not
 * UTF-8 become a located {@link ConfigError} with the fix, never a stack trace.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve as resolvePath } from "node:path";
import { ConfigError, closest, didYouMeanOneOf } from "./errors.ts";

/** The profiles file used when `PROFILES_CONFIG` is not set. */
export const DEFAULT_CONFIG_PATH = "config/profiles.yaml";

/** `did you mean "config/profiles.yaml"?` for `config/profile.yaml`: a YAML file beside `file` with a close name. */
function similarFile(file: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dirname(file)).filter((name) => /\.ya?ml$/.test(name));
  } catch {
    return undefined;
  }
  const name = closest(basename(file), names);
  return name === undefined ? undefined : didYouMeanOneOf([join(dirname(file), name)]);
}

/**
 * The text of the profiles file at `file`, shown in messages as `shownAs`. Throws
 * {@link ConfigError} when it cannot be read or is not UTF-8.
 */
export function readProfilesText(file: string, shownAs: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const reasons: Record<string, string> = {
      ENOENT: "there is no such file",
      EISDIR: "it is a directory",
      EACCES: "permission denied",
    };
    throw new ConfigError([
      {
        file,
        path: [],
        message: `cannot read the profiles file ${resolvePath(file)}: ${reasons[code] ?? (error as Error).message}`,
        fix:
          (code === "ENOENT" ? similarFile(file) : undefined) ??
          `set PROFILES_CONFIG to the profiles file, or unset it and run from the repository root to use ${DEFAULT_CONFIG_PATH}`,
      },
    ]);
  }
  const invalidAt = firstInvalidUtf8(bytes);
  if (invalidAt === undefined) return bytes.toString("utf8");
  const line = bytes.subarray(0, invalidAt).filter((byte) => byte === 0x0a).length + 1;
  const col = invalidAt - bytes.subarray(0, invalidAt).lastIndexOf(0x0a);
  throw new ConfigError([
    {
      file: shownAs,
      path: [],
      position: { line, col },
      message: `the file is not UTF-8 text: byte ${invalidAt} (0x${bytes[invalidAt].toString(16).padStart(2, "0")}, line ${line}, byte ${col} of the line) is not valid UTF-8`,
      allowed: "a YAML text file encoded as UTF-8",
      fix: "save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), or check that PROFILES_CONFIG names the profiles file",
    },
  ]);
}

/**
 * Offset of the first byte that makes `bytes` invalid UTF-8, or undefined when it is valid.
 * A prefix is valid as a stream exactly when no invalid byte lies in it, so the first is found
 * by halving; an incomplete sequence at the very end counts as invalid.
 */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  const valid = (length: number, stream: boolean) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream });
      return true;
    } catch {
      return false;
    }
  };
  if (valid(bytes.length, false)) return undefined;
  if (valid(bytes.length, true)) {
    // A sequence cut short at the end: its first byte is the one at fault.
    let offset = bytes.length - 1;
    while (offset > 0 && (bytes[offset] & 0xc0) === 0x80) offset--;
    return offset;
  }
  let [low, high] = [0, bytes.length];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (valid(middle + 1, true)) low = middle + 1;
    else high = middle;
  }
  // The byte found may be one that cuts short a sequence begun before it (`Zo\xeb\n` in Latin-1):
  // then the byte at fault is the one that began the sequence.
  if (!valid(low, false)) {
    while (low > 0 && (bytes[low - 1] & 0xc0) === 0x80) low--;
    low--;
  }
  return low;
}
