/**
 * Every resource type the stacks synthesize, with its facts (`stacks/resource-facts.ts`) and
 * where the review shows what happens to it. A type missing here would be silently absent from
 * every review: `test/resource-facts.test.ts` synthesizes the shipped config and every fixture
 * and fails on any type this list does not name.
 */
import {
  ALARM_FACTS,
  ALARM_SUBSCRIPTION_FACTS,
  ALARM_TOPIC_FACTS,
  BUDGET_FACTS,
  CALLER_IDENTITY_FACTS,
  COST_ALLOCATION_TAG_FACTS,
  DASHBOARD_FACTS,
  PROFILE_RESOURCE_FACTS,
  type ResourceFacts,
  SSM_PARAMETER_FACTS,
} from "../stacks/resource-facts.ts";

/** A resource type the review knows, and what it says of it. */
export interface ReviewedResource {
  readonly facts: ResourceFacts;
  /** Where its changes appear in a review. */
  readonly reviewedAs: string;
}

/** The resource types the review knows, one line each. */
export const REVIEWED_RESOURCES: readonly ReviewedResource[] = [
  {
    facts: PROFILE_RESOURCE_FACTS,
    reviewedAs: "the profile itself: added, removed, moved, replaced with its causes, updated in place (compare.ts)",
  },
  {
    facts: SSM_PARAMETER_FACTS,
    reviewedAs: "the ARN parameter of each replacement, in place or moved; the model ID follows the model (compare.ts)",
  },
  {
    facts: CALLER_IDENTITY_FACTS,
    reviewedAs: "the deploying account where none is pinned: account changes of an environment (compare.ts)",
  },
  { facts: ALARM_FACTS, reviewedAs: "alarms added, updated in place, removed (billing-review.ts)" },
  {
    facts: ALARM_TOPIC_FACTS,
    reviewedAs: "the SNS topic each alarm notifies, in the alarm's line (billing-review.ts)",
  },
  {
    facts: ALARM_SUBSCRIPTION_FACTS,
    reviewedAs: "the addresses behind an alarm's topic; they follow the alarms (billing-review.ts)",
  },
  {
    facts: DASHBOARD_FACTS,
    reviewedAs: "one per environment, named after it: its body follows the profiles, updated in place (compare.ts)",
  },
  { facts: BUDGET_FACTS, reviewedAs: "budgets added, updated in place, removed (a hazard) (billing-review.ts)" },
  {
    facts: COST_ALLOCATION_TAG_FACTS,
    reviewedAs: "cost allocation tags activated or no longer managed (billing-review.ts)",
  },
];

/** The facts of a synthesized type (`aws_…`, or `data.aws_…` for a data source) the review knows. */
export function reviewedFacts(type: string): ResourceFacts | undefined {
  return REVIEWED_RESOURCES.find((reviewed) => reviewed.facts.type === type)?.facts;
}
