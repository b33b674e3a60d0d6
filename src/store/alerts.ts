// Alert rules, the values each last saw, the alerts they raised (with their evidence and how each was delivered), and
// the briefs written.
import type { Executor } from "./index.js";

export interface AlertRuleTable {
  id: string;
  /** question_moves, claim_status, new_origin or story_grows. */
  kind: string;
  /** The rule's settings as JSON (question, story, claim, points, articles …). */
  params: string;
  webhook: string | null;
  /** 1 when the user set the webhook on a private address on purpose. */
  webhook_private: number;
  /** Where the rule came from: "config" or "cli". */
  origin: string;
  created_at: string;
}

export interface AlertStateTable {
  rule_id: string;
  subject: string;
  value: string;
}

export interface AlertTable {
  id: string;
  seq: number;
  rule_id: string;
  kind: string;
  subject: string;
  at: string;
  title: string;
  body: string;
  /** JSON: the claim, reports and sentences behind the alert. */
  evidence: string;
  /** JSON: per channel, whether and when it was delivered. */
  deliveries: string;
}

export interface BriefTable {
  subject: string;
  seq: number;
  written_at: string;
  as_of: string;
  since: string | null;
}

/** Adds or replaces a rule. */
export async function upsertAlertRule(db: Executor, rule: AlertRuleTable): Promise<void> {
  const { id, ...rest } = rule;
  await db.insertInto("alert_rules").values(rule).onConflict((oc) => oc.column("id").doUpdateSet(rest)).execute();
}

/** Every rule, in the order they were created. */
export async function listAlertRules(db: Executor): Promise<AlertRuleTable[]> {
  return db.selectFrom("alert_rules").selectAll().orderBy("created_at").orderBy("id").execute();
}

/** Removes a rule and what it remembered. */
export async function deleteAlertRule(db: Executor, id: string): Promise<boolean> {
  await db.deleteFrom("alert_state").where("rule_id", "=", id).execute();
  const r = await db.deleteFrom("alert_rules").where("id", "=", id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The values a rule last saw, by subject. */
export async function alertState(db: Executor, ruleId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom("alert_state").select(["subject", "value"]).where("rule_id", "=", ruleId).execute();
  return new Map(rows.map((r) => [r.subject, r.value]));
}

/** Remembers the values a rule saw. */
export async function saveAlertState(db: Executor, ruleId: string, values: Map<string, string>): Promise<void> {
  for (const [subject, value] of values) {
    await db
      .insertInto("alert_state")
      .values({ rule_id: ruleId, subject, value })
      .onConflict((oc) => oc.columns(["rule_id", "subject"]).doUpdateSet({ value }))
      .execute();
  }
}

/** Stores a raised alert with the next sequence number; returns that number. */
export async function insertAlert(db: Executor, alert: Omit<AlertTable, "seq">): Promise<number> {
  const last = await db.selectFrom("alerts").select((eb) => eb.fn.max("seq").as("seq")).executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await db.insertInto("alerts").values({ ...alert, seq }).execute();
  return seq;
}

/** Records how an alert was delivered. */
export async function setAlertDeliveries(db: Executor, id: string, deliveries: string): Promise<void> {
  await db.updateTable("alerts").set({ deliveries }).where("id", "=", id).execute();
}

/** The latest alerts, newest first. */
export async function listAlerts(db: Executor, limit = 100): Promise<AlertTable[]> {
  return db.selectFrom("alerts").selectAll().orderBy("seq", "desc").limit(limit).execute();
}

/** The last brief written on a subject. */
export async function lastBrief(db: Executor, subject: string): Promise<BriefTable | undefined> {
  return db.selectFrom("briefs").selectAll().where("subject", "=", subject).orderBy("seq", "desc").limit(1).executeTakeFirst();
}

/** Records that a brief was written. */
export async function insertBrief(db: Executor, brief: Omit<BriefTable, "seq">): Promise<void> {
  const last = await lastBrief(db, brief.subject);
  await db.insertInto("briefs").values({ ...brief, seq: (last?.seq ?? 0) + 1 }).execute();
}
