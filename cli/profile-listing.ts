/**
 * The formats of `npm run profiles` (no command): a terminal table by default, and one flag per
 * other format. A new format is one entry of {@link LISTING_FORMATS}: its flag, its help line
 * and the function that renders it; the command line, the usage and the checks read the list.
 */
import { formatArn, type ResolvedProfile } from "../config/resolve.ts";
import { formatMarkdownTable, formatTextTable, inlineCode } from "./table.ts";

/** One format besides the default table. */
export interface ListingFormat {
  /** The flag that selects it, without `--`. */
  readonly flag: string;
  /** What it is for, as the usage says it: `--json for scripts`. */
  readonly help: string;
  readonly render: (profiles: readonly ResolvedProfile[]) => string;
}

/** `copy_from` as synthesized, the caller identity shown as `<account of <env>>`. */
function copyFromText(profile: ResolvedProfile): string {
  return formatArn(profile.copyFrom, `<account of ${profile.env}>`);
}

/** The default: aligned columns for a terminal. */
function textListing(profiles: readonly ResolvedProfile[]): string {
  const headers = ["ENV", "PROFILE", "NAME", "MODEL", "SOURCE (copy_from)", "SSM PARAMETER"];
  const rows = profiles.map((profile) => [
    profile.env,
    profile.key,
    profile.name,
    profile.modelKey,
    copyFromText(profile),
    profile.ssmParameterName,
  ]);
  return formatTextTable(headers, rows);
}

/** One object per profile, for scripts. */
function jsonListing(profiles: readonly ResolvedProfile[]): string {
  const entries = profiles.map((profile) => ({
    env: profile.env,
    profile: profile.key,
    product: profile.product,
    purpose: profile.purpose,
    name: profile.name,
    model: profile.modelKey,
    model_id: profile.modelId,
    geography: profile.geography,
    region: profile.region,
    copy_from: copyFromText(profile),
    ssm_parameter: profile.ssmParameterName,
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/**
 * The listing for a GitHub job summary or docs: one section per environment, values as code,
 * the source as the system-defined profile or model ID (the ARN around it is the same for all).
 */
function markdownListing(profiles: readonly ResolvedProfile[]): string {
  const envs = [...new Set(profiles.map((profile) => profile.env))];
  const sections = envs.map((env) => {
    const rows = profiles
      .filter((profile) => profile.env === env)
      .map((profile) => [
        inlineCode(profile.key),
        inlineCode(profile.name),
        inlineCode(profile.modelKey),
        inlineCode(profile.copyFrom.resource.replace(/^(inference-profile|foundation-model)\//, "")),
        inlineCode(profile.ssmParameterName),
      ]);
    return `### ${env}\n\n${formatMarkdownTable(["profile", "name", "model", "source", "SSM parameter"], rows)}`;
  });
  return sections.join("\n");
}

/** Every format besides the table, in the order the usage lists them. */
export const LISTING_FORMATS: readonly ListingFormat[] = [
  { flag: "json", help: "--json for scripts", render: jsonListing },
  { flag: "markdown", help: "--markdown for a GitHub job summary or docs", render: markdownListing },
];

/** The flags of the formats: `--json`, `--markdown`. */
export const FORMAT_FLAGS: readonly string[] = LISTING_FORMATS.map((format) => `--${format.flag}`);

/** The listing in the format whose flag is set, else the table. */
export function renderListing(profiles: readonly ResolvedProfile[], format: ListingFormat | undefined): string {
  return (format?.render ?? textListing)(profiles);
}
