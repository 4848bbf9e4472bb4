/**
 * CloudWatch alarms on the profiles of one environment, and the SNS topics that email them.
 * Each alarm's address comes from product, purpose and kind only, and its `ModelId` dimension is
 * the profile's ARN as a reference: a model upgrade replaces the profile, and the same alarm is
 * updated in place to watch the new ARN.
 *
 * Which value `ModelId` carries for calls through an application inference profile is not stated
 * in AWS's documentation (https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring-runtime-metrics.html
 * names the dimension, not its value for profiles). The ARN is what consumers pass as `modelId`
 * (they read it from SSM), so it is the value used here; docs/cost-attribution.md ("Metrics, with one
 * uncertainty") says so and how to check it on the first metrics.
 */
import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm/index.js";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic/index.js";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription/index.js";
import { Construct } from "constructs";
import type { ResolvedAlarm, ResolvedAlarmTopic, ResolvedMonitoring } from "../config/resolve-billing.ts";
import { ALARM_FACTS, ALARM_SUBSCRIPTION_FACTS, ALARM_TOPIC_FACTS, lifecycleOf } from "./resource-facts.ts";
import { regionOverride } from "./stack-foundation.ts";

/** The CloudWatch namespace of Bedrock runtime metrics. */
export const BEDROCK_METRICS_NAMESPACE = "AWS/Bedrock";

/** Props of {@link ProfileAlarms}. */
export interface ProfileAlarmsProps {
  readonly monitoring: ResolvedMonitoring;
  /** Profile address → its ARN (a reference until apply). */
  readonly profileArns: ReadonlyMap<string, string>;
  /** The stack's provider region; `region` is set on resources only where theirs differs. */
  readonly stackRegion: string;
}

/** `aws_cloudwatch_metric_alarm.<product>-<purpose>-<kind>`, `aws_sns_topic.alarms-<region>`. */
export class ProfileAlarms extends Construct {
  readonly alarms: readonly CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: ProfileAlarmsProps) {
    super(scope, id);
    const { monitoring, profileArns, stackRegion } = props;
    const regionOf = (region: string) => regionOverride(region, stackRegion);
    const topicArns = new Map(monitoring.topics.map((topic) => [topic.address, this.topic(topic, regionOf)]));

    this.alarms = monitoring.alarms.map((alarm) => {
      const actions = [...alarm.snsTopicArns, ...alarm.topicAddresses.map((address) => topicArns.get(address) ?? "")];
      const resource = new CloudwatchMetricAlarm(this, alarm.address, {
        ...regionOf(alarm.region),
        alarmName: alarm.name,
        alarmDescription: alarm.description,
        comparisonOperator: "GreaterThanThreshold",
        threshold: alarm.threshold,
        evaluationPeriods: 1,
        // No calls means no datapoints: that is not a throttle or an error.
        treatMissingData: "notBreaching",
        ...metricSpec(alarm, profileArns.get(alarm.profileAddress) ?? ""),
        ...(actions.length === 0 ? {} : { alarmActions: actions, okActions: actions }),
        ...lifecycleOf(ALARM_FACTS),
      });
      resource.overrideLogicalId(alarm.address);
      return resource;
    });
  }

  /** The topic emailing alarms of one region, with a subscription per address; its ARN. */
  private topic(topic: ResolvedAlarmTopic, regionOf: (region: string) => { region?: string }): string {
    const resource = new SnsTopic(this, topic.address, {
      ...regionOf(topic.region),
      name: topic.name,
      ...lifecycleOf(ALARM_TOPIC_FACTS),
    });
    resource.overrideLogicalId(topic.address);
    for (const { address, email } of topic.subscriptions) {
      // Each address gets a confirmation email; SNS sends nothing to it until it is confirmed.
      new SnsTopicSubscription(this, address, {
        ...regionOf(topic.region),
        topicArn: resource.arn,
        protocol: "email",
        endpoint: email,
        ...lifecycleOf(ALARM_SUBSCRIPTION_FACTS),
      }).overrideLogicalId(address);
    }
    return resource.arn;
  }
}

/** The metric part of an alarm: one metric, or the sum of several as a metric math expression. */
function metricSpec(alarm: ResolvedAlarm, profileArn: string) {
  const dimensions = { ModelId: profileArn };
  if (alarm.metrics.length === 1) {
    return {
      namespace: BEDROCK_METRICS_NAMESPACE,
      metricName: alarm.metrics[0],
      dimensions,
      statistic: "Sum",
      period: alarm.periodSeconds,
    };
  }
  return {
    metricQuery: [
      ...alarm.metrics.map((metricName, index) => ({
        id: `m${index + 1}`,
        metric: {
          namespace: BEDROCK_METRICS_NAMESPACE,
          metricName,
          dimensions,
          stat: "Sum",
          period: alarm.periodSeconds,
        },
        returnData: false,
      })),
      {
        id: "total",
        expression: alarm.metrics.map((_, index) => `FILL(m${index + 1}, 0)`).join(" + "),
        label: alarm.metrics.join(" + "),
        returnData: true,
      },
    ],
  };
}
