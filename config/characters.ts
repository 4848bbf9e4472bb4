/**
 * Characters outside printable ASCII, named so that an engineer can see what the editor hides:
 * `U+0430 CYRILLIC SMALL LETTER A` looks exactly like `a`, a zero-width space like nothing.
 * Every value of the profiles file ends up in an AWS field restricted to ASCII (names,
 * descriptions, tags, ARNs, regions, SSM paths, bucket names), and every key in one of them.
 */

/** Node has no table of Unicode names: these are the look-alikes and invisibles a paste brings in. */
const KNOWN: Readonly<Record<number, readonly [name: string, looksLike: string]>> = {
  160: ["NO-BREAK SPACE", " "],
  173: ["SOFT HYPHEN", ""],
  8194: ["EN SPACE", " "],
  8195: ["EM SPACE", " "],
  8201: ["THIN SPACE", " "],
  8203: ["ZERO WIDTH SPACE", ""],
  8204: ["ZERO WIDTH NON-JOINER", ""],
  8205: ["ZERO WIDTH JOINER", ""],
  8288: ["WORD JOINER", ""],
  65279: ["ZERO WIDTH NO-BREAK SPACE (byte order mark)", ""],
  12288: ["IDEOGRAPHIC SPACE", " "],
  8208: ["HYPHEN", "-"],
  8209: ["NON-BREAKING HYPHEN", "-"],
  8211: ["EN DASH", "-"],
  8212: ["EM DASH", "-"],
  8722: ["MINUS SIGN", "-"],
  8216: ["LEFT SINGLE QUOTATION MARK", "'"],
  8217: ["RIGHT SINGLE QUOTATION MARK", "'"],
  8220: ["LEFT DOUBLE QUOTATION MARK", '"'],
  8221: ["RIGHT DOUBLE QUOTATION MARK", '"'],
  1072: ["CYRILLIC SMALL LETTER A", "a"],
  1077: ["CYRILLIC SMALL LETTER IE", "e"],
  1086: ["CYRILLIC SMALL LETTER O", "o"],
  1088: ["CYRILLIC SMALL LETTER ER", "p"],
  1089: ["CYRILLIC SMALL LETTER ES", "c"],
  1091: ["CYRILLIC SMALL LETTER U", "y"],
  1093: ["CYRILLIC SMALL LETTER HA", "x"],
  1109: ["CYRILLIC SMALL LETTER DZE", "s"],
  1110: ["CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I", "i"],
  1112: ["CYRILLIC SMALL LETTER JE", "j"],
  1040: ["CYRILLIC CAPITAL LETTER A", "A"],
  1042: ["CYRILLIC CAPITAL LETTER VE", "B"],
  1045: ["CYRILLIC CAPITAL LETTER IE", "E"],
  1050: ["CYRILLIC CAPITAL LETTER KA", "K"],
  1052: ["CYRILLIC CAPITAL LETTER EM", "M"],
  1053: ["CYRILLIC CAPITAL LETTER EN", "H"],
  1054: ["CYRILLIC CAPITAL LETTER O", "O"],
  1056: ["CYRILLIC CAPITAL LETTER ER", "P"],
  1057: ["CYRILLIC CAPITAL LETTER ES", "C"],
  1058: ["CYRILLIC CAPITAL LETTER TE", "T"],
  1061: ["CYRILLIC CAPITAL LETTER HA", "X"],
  959: ["GREEK SMALL LETTER OMICRON", "o"],
  957: ["GREEK SMALL LETTER NU", "v"],
  913: ["GREEK CAPITAL LETTER ALPHA", "A"],
  914: ["GREEK CAPITAL LETTER BETA", "B"],
  917: ["GREEK CAPITAL LETTER EPSILON", "E"],
  919: ["GREEK CAPITAL LETTER ETA", "H"],
  921: ["GREEK CAPITAL LETTER IOTA", "I"],
  922: ["GREEK CAPITAL LETTER KAPPA", "K"],
  924: ["GREEK CAPITAL LETTER MU", "M"],
  925: ["GREEK CAPITAL LETTER NU", "N"],
  927: ["GREEK CAPITAL LETTER OMICRON", "O"],
  929: ["GREEK CAPITAL LETTER RHO", "P"],
  932: ["GREEK CAPITAL LETTER TAU", "T"],
  935: ["GREEK CAPITAL LETTER CHI", "X"],
};

/** Printable ASCII, plus the line breaks and tabs a multi-line scalar may hold. */
const ALLOWED = /^[\x20-\x7e\t\r\n]$/;

/** One character outside printable ASCII in a piece of text. */
export interface OddCharacter {
  /** Index in the text (UTF-16 code units). */
  readonly index: number;
  readonly char: string;
}

/** The characters of `text` outside printable ASCII, in order. */
export function oddCharacters(text: string): OddCharacter[] {
  const found: OddCharacter[] = [];
  let index = 0;
  for (const char of text) {
    if (!ALLOWED.test(char)) found.push({ index, char });
    index += char.length;
  }
  return found;
}

/** `U+0430 CYRILLIC SMALL LETTER A`, or `U+XXXX` alone for a character not in the table. */
export function characterName(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const known = KNOWN[code];
  return known === undefined ? hex : `${hex} ${known[0]}`;
}

/** What the character passes for: `looks like "a"`, `is invisible`, or undefined when unknown. */
export function lookAlike(char: string): string | undefined {
  const known = KNOWN[char.codePointAt(0) ?? 0];
  if (known === undefined) return undefined;
  return known[1] === "" ? "is invisible" : `looks like ${JSON.stringify(known[1])}`;
}

/**
 * A letter that passes for a Latin one, or an invisible character: the value looks exactly
 * like a valid one, so a rule's did-you-mean or folded suggestion would only puzzle.
 */
export function isDeceptive(char: string): boolean {
  const known = KNOWN[char.codePointAt(0) ?? 0];
  return known !== undefined && (known[1] === "" || /^[a-zA-Z]$/.test(known[1]));
}

/**
 * `text` in printable ASCII as the engineer meant it: look-alikes replaced, invisibles and
 * other characters dropped (accents first separated from their letters).
 */
export function asciiSuggestion(text: string): string {
  let result = "";
  for (const char of text) {
    if (ALLOWED.test(char)) result += char;
    else {
      const known = KNOWN[char.codePointAt(0) ?? 0];
      result +=
        known?.[1] ??
        char
          .normalize("NFKD")
          .replace(/[^\x20-\x7e]/g, "")
          .trim();
    }
  }
  return result;
}
