/** The alarms and the dashboard of one environment stack, wired to its profiles. */
import type { Construct } from "constructs";
import type { ResolvedEnvironment } from "../config/resolve.ts";
import type { InferenceProfile } from "./inference-profile.ts";
import { ProfileAlarms } from "./profile-alarms.ts";
import { ProfileDashboard } from "./profile-dashboard.ts";

/** Add `environment.monitoring` to `stack`: alarms when any, the dashboards when it has profiles. */
export function addMonitoring(
  stack: Construct,
  environment: ResolvedEnvironment,
  profiles: readonly InferenceProfile[],
): void {
  const { monitoring } = environment;
  if (monitoring.alarms.length > 0) {
    new ProfileAlarms(stack, "alarms", {
      monitoring,
      profileArns: new Map(profiles.map((p) => [p.profile.address, p.arn])),
      stackRegion: environment.region,
    });
  }
  // The ARN as a literal reference rather than a cdktf token: cdktf resolves every token inside
  // one string by rescanning it, and a dashboard body holds six per profile; with 1,000 profiles
  // that doubled the synth time. The text written is the same as the token's.
  const arnReference = (p: InferenceProfile) =>
    `\${${p.resource.terraformResourceType}.${p.resource.friendlyUniqueId}.arn}`;
  const dashboardProfiles = new Map(
    profiles.map((p) => [p.profile.address, { key: p.profile.key, region: p.profile.region, arn: arnReference(p) }]),
  );
  for (const dashboard of monitoring.dashboards) {
    new ProfileDashboard(stack, dashboard.address, {
      dashboard,
      profiles: dashboardProfiles,
      stackRegion: environment.region,
    });
  }
}
