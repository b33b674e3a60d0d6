// Alerts: rules over the ledger (a question's probability moves, a claim changes status, a new independent origin
// appears, a story gains articles), checked after each poll against the values each rule last saw, delivered to the
// log, a webhook and an Atom feed; every alert carries the claims, reports and sentences behind it.
import { createHash } from "node:crypto";
import { FetchError, httpRequest, type Resolver } from "../ingest/net/client.js";
import type { ClaimView, Store } from "../store/index.js";
import {
  alertState,
  deleteAlertRule,
  insertAlert,
  listAlertRules,
  listAlerts,
  saveAlertState,
  setAlertDeliveries,
  upsertAlertRule,
  type AlertRuleTable,
  type AlertTable,
} from "../store/alerts.js";
import { listQuestions, questionUpdates } from "../store/questions.js";
import { readArticles, reportEvidence } from "./articles.js";
import { claimText, links, percent } from "./claim-text.js";
import { readClaims, readStories } from "./ledger.js";

/** What a rule watches. */
export const ALERT_KINDS = ["question_moves", "claim_status", "new_origin", "story_grows"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A rule as written in the config or given to `alert add`. */
export interface AlertRuleInput {
  id?: string;
  kind: AlertKind;
  /** question_moves: one question's id (all questions when absent). */
  question?: string;
  /** claim_status, new_origin, story_grows: one story's claims or the story itself (all when absent). */
  story?: string;
  /** claim_status, new_origin: one claim. */
  claim?: string;
  /** question_moves: the least move, in percentage points, that raises an alert. */
  points?: number;
  /** story_grows: how many new articles raise an alert. */
  articles?: number;
  /** claim_status: only these statuses (all when absent). */
  to?: string[];
  webhook?: string;
  /** The webhook is on a private network on purpose (refused otherwise). */
  webhook_private?: boolean;
}

/** A stored rule. */
export interface AlertRule {
  id: string;
  kind: AlertKind;
  params: Omit<AlertRuleInput, "id" | "kind" | "webhook" | "webhook_private">;
  webhook: string | null;
  webhook_private: boolean;
  origin: "config" | "cli";
  created_at: string;
}

/** One piece of evidence behind an alert: a report's sentence, or an article. */
export interface AlertEvidence {
  claim: string | null;
  report: string | null;
  article: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  /** The report's sentence (empty for an article). */
  sentence: string;
  /** Where the UI shows it, relative to the server. */
  path: string;
  /** The article's own address, when it has one. */
  url: string | null;
}

/** A raised alert as stored and delivered. */
export interface Alert {
  id: string;
  seq: number;
  rule: string;
  kind: AlertKind;
  subject: string;
  at: string;
  title: string;
  body: string;
  /** Where the UI shows the subject, relative to the server. */
  path: string;
  evidence: AlertEvidence[];
  deliveries: Record<string, unknown>;
}

/** A rule that does not hold together, with every problem named. */
export class AlertRuleError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.join("; ")}`);
  }
}

const STATUSES = ["reported", "corroborated", "confirmed", "denied", "contradicted", "stale"];
const ID = /^[A-Za-z0-9][\w.:-]{0,199}$/;

/** Checks a rule from the config or the command line; throws AlertRuleError naming every problem. */
export function parseAlertRule(raw: unknown, source: string): AlertRuleInput {
  const problems: string[] = [];
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new AlertRuleError(source, ["a rule is a mapping with a kind"]);
  const r = raw as Record<string, unknown>;
  const known = new Set(["id", "kind", "question", "story", "claim", "points", "articles", "to", "webhook", "webhook_private"]);
  for (const k of Object.keys(r)) if (!known.has(k)) problems.push(`${k} is not a rule field`);
  const kind = r.kind as AlertKind;
  if (!ALERT_KINDS.includes(kind)) problems.push(`kind must be one of ${ALERT_KINDS.join(", ")}`);
  const text = (k: string) => {
    if (r[k] === undefined) return undefined;
    if (typeof r[k] !== "string" || !ID.test(r[k] as string)) problems.push(`${k} must be an id`);
    return r[k] as string;
  };
  const out: AlertRuleInput = { kind };
  const id = text("id");
  if (id !== undefined) out.id = id;
  for (const k of ["question", "story", "claim"] as const) {
    const v = text(k);
    if (v !== undefined) out[k] = v;
  }
  if (kind === "question_moves") {
    const points = r.points ?? 10;
    if (typeof points !== "number" || !(points > 0 && points < 100)) problems.push("points must be a number between 0 and 100");
    else out.points = points;
  } else if (r.points !== undefined) problems.push("points is for question_moves rules");
  if (kind === "story_grows") {
    const n = r.articles ?? 5;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 1) problems.push("articles must be a whole number of at least 1");
    else out.articles = n;
  } else if (r.articles !== undefined) problems.push("articles is for story_grows rules");
  if (r.to !== undefined) {
    const to = Array.isArray(r.to) ? r.to : [r.to];
    if (kind !== "claim_status") problems.push("to is for claim_status rules");
    else if (!to.every((s) => typeof s === "string" && STATUSES.includes(s))) problems.push(`to must list statuses among ${STATUSES.join(", ")}`);
    else out.to = to as string[];
  }
  if (out.question && kind !== "question_moves") problems.push("question is for question_moves rules");
  if (out.claim && kind !== "claim_status" && kind !== "new_origin") problems.push("claim is for claim_status and new_origin rules");
  if (out.story && kind === "question_moves") problems.push("story is not for question_moves rules");
  if (r.webhook !== undefined) {
    if (typeof r.webhook !== "string" || !/^https?:\/\/[^\s]+$/i.test(r.webhook)) problems.push("webhook must be an http(s) URL");
    else out.webhook = r.webhook;
  }
  if (r.webhook_private !== undefined) {
    if (typeof r.webhook_private !== "boolean") problems.push("webhook_private must be true or false");
    else out.webhook_private = r.webhook_private;
  }
  if (problems.length) throw new AlertRuleError(source, problems);
  return out;
}

function ruleId(input: AlertRuleInput): string {
  if (input.id) return input.id;
  const { webhook: _w, webhook_private: _p, ...what } = input;
  return `${input.kind}-${createHash("sha256").update(JSON.stringify(what, Object.keys(what).sort())).digest("hex").slice(0, 8)}`;
}

function toRow(input: AlertRuleInput, origin: "config" | "cli", now: Date): AlertRuleTable {
  const { id: _id, kind, webhook, webhook_private, ...params } = input;
  return { id: ruleId(input), kind, params: JSON.stringify(params), webhook: webhook ?? null, webhook_private: webhook_private ? 1 : 0, origin, created_at: now.toISOString() };
}

function fromRow(row: AlertRuleTable): AlertRule {
  return {
    id: row.id,
    kind: row.kind as AlertKind,
    params: JSON.parse(row.params) as AlertRule["params"],
    webhook: row.webhook,
    webhook_private: row.webhook_private === 1,
    origin: row.origin as AlertRule["origin"],
    created_at: row.created_at,
  };
}

/** Every stored rule. */
export async function readAlertRules(store: Store): Promise<AlertRule[]> {
  return (await listAlertRules(store.db)).map(fromRow);
}

/** Adds (or replaces) a rule; a new rule starts from what the ledger says now, so history raises nothing. */
export async function addAlertRule(store: Store, input: AlertRuleInput, origin: "config" | "cli" = "cli", now = new Date()): Promise<AlertRule> {
  const row = toRow(input, origin, now);
  const existing = (await listAlertRules(store.db)).find((r) => r.id === row.id);
  const rule = fromRow(existing ? { ...row, created_at: existing.created_at } : row);
  const baseline = existing ? null : (await observe(store, rule)).values;
  await store.transaction(async (tx) => {
    await upsertAlertRule(tx, existing ? { ...row, created_at: existing.created_at } : row);
    if (baseline) await saveAlertState(tx, rule.id, baseline);
  });
  return rule;
}

/** Removes a rule; false when there is none. */
export async function removeAlertRule(store: Store, id: string): Promise<boolean> {
  return store.transaction((tx) => deleteAlertRule(tx, id));
}

/** Makes the stored config rules those of the config: new ones added (from now on), dropped ones removed. */
export async function syncConfigRules(store: Store, inputs: AlertRuleInput[], now = new Date()): Promise<AlertRule[]> {
  const wanted = new Set(inputs.map(ruleId));
  for (const r of await listAlertRules(store.db)) if (r.origin === "config" && !wanted.has(r.id)) await removeAlertRule(store, r.id);
  const out: AlertRule[] = [];
  for (const input of inputs) out.push(await addAlertRule(store, input, "config", now));
  return out;
}

/** An alert about to be raised. */
interface Draft {
  subject: string;
  title: string;
  body: string;
  path: string;
  evidence: AlertEvidence[];
}

/** What a rule sees now, and the alerts that follow from comparing it with what it saw before. */
interface Observation {
  values: Map<string, string>;
  compare(previous: Map<string, string>): Promise<{ drafts: Draft[]; next: Map<string, string> }>;
}

async function reportsEvidence(store: Store, claim: ClaimView, reportIds: string[]): Promise<AlertEvidence[]> {
  const ev = await reportEvidence(store.db, reportIds);
  return reportIds.flatMap((id) => {
    const e = ev.get(id);
    const r = claim.reports.find((x) => x.id === id);
    if (!e || !r) return [];
    return [{ claim: claim.id, report: id, article: e.article, title: e.title, outlet: e.outlet, published: e.published, sentence: e.text, path: links.report("", claim.id, id), url: null }];
  });
}

const latest = <T extends { published: string | null }>(xs: T[], n: number) => [...xs].sort((a, b) => (b.published ?? "").localeCompare(a.published ?? "")).slice(0, n);

// Each rule kind: what it observes, its baseline for a subject it has not seen, and when a change is worth an alert.
async function observe(store: Store, rule: AlertRule): Promise<Observation> {
  const p = rule.params;
  if (rule.kind === "question_moves") {
    const qs = (await listQuestions(store.db)).filter((q) => !p.question || q.question.id === p.question);
    const values = new Map(qs.map((q) => [q.question.id, String(q.probability)]));
    return {
      values,
      compare: async (prev) => {
        const drafts: Draft[] = [];
        const next = new Map<string, string>();
        for (const q of qs) {
          const id = q.question.id;
          const before = prev.has(id) ? Number(prev.get(id)) : q.probability;
          const moved = (q.probability - before) * 100;
          if (Math.abs(moved) <= (p.points ?? 10)) {
            next.set(id, String(before));
            continue;
          }
          next.set(id, String(q.probability));
          const updates = (await questionUpdates(store.db, id)).filter((u) => u.claim !== null);
          // The largest of the latest moves explain the alert best.
          const recent = updates
            .slice(-10)
            .sort((a, b) => Math.abs(b.probability - b.previous) - Math.abs(a.probability - a.previous))
            .slice(0, 3);
          const claims = new Map((await readClaims(store.db)).map((c) => [c.id, c]));
          const evidence: AlertEvidence[] = [];
          for (const u of recent) {
            const c = claims.get(u.claim!);
            if (c) evidence.push(...(await reportsEvidence(store, c, u.reports.slice(0, 3))));
          }
          const why = recent.map((u) => `${u.at}: ${percent(u.previous)} → ${percent(u.probability)}, ${u.indicator}${u.claim && claims.get(u.claim) ? ` (${claimText(claims.get(u.claim)!)})` : ""}`);
          drafts.push({
            subject: id,
            title: `${q.question.title} ${percent(before)} → ${percent(q.probability)} (${moved > 0 ? "+" : ""}${moved.toFixed(1)} points)`,
            body: why.length ? `Why it moved: ${why.join("; ")}.` : `Moved with the passing of time (status ${q.status}).`,
            path: links.question("", id),
            evidence,
          });
        }
        return { drafts, next };
      },
    };
  }
  if (rule.kind === "claim_status" || rule.kind === "new_origin") {
    const claims = (await readClaims(store.db, { storyId: p.story })).filter((c) => !p.claim || c.id === p.claim);
    const roots = (c: ClaimView) => [...new Set(c.origins.map((o) => o.root))].sort();
    const value = (c: ClaimView) => (rule.kind === "claim_status" ? c.status : JSON.stringify(roots(c)));
    const values = new Map(claims.map((c) => [c.id, value(c)]));
    return {
      values,
      compare: async (prev) => {
        const drafts: Draft[] = [];
        for (const c of claims) {
          if (rule.kind === "claim_status") {
            const before = prev.get(c.id) ?? c.status_history[0]?.status ?? c.status;
            if (before === c.status || (p.to && !p.to.includes(c.status))) continue;
            drafts.push({
              subject: c.id,
              title: `Now ${c.status} (was ${before}): ${claimText(c)}`,
              body: `${c.reports.length} reports from ${c.origins.length} independent origin${c.origins.length === 1 ? "" : "s"}.`,
              path: links.claim("", c.id),
              evidence: await reportsEvidence(store, c, latest(c.reports, 3).map((r) => r.id)),
            });
          } else {
            const first = [...c.origins].sort((a, b) => (a.first_seen ?? "").localeCompare(b.first_seen ?? ""))[0];
            const before = new Set<string>(prev.has(c.id) ? (JSON.parse(prev.get(c.id)!) as string[]) : first ? [first.root] : []);
            const added = roots(c).filter((r) => !before.has(r));
            if (added.length === 0) continue;
            const reports = c.origins.filter((o) => added.includes(o.root)).flatMap((o) => o.reports).slice(0, 3);
            drafts.push({
              subject: c.id,
              title: `New independent origin (${added.join(", ")}): ${claimText(c)}`,
              body: `${roots(c).length} independent origins now, from ${c.reports.length} reports; status ${c.status}.`,
              path: links.claim("", c.id),
              evidence: await reportsEvidence(store, c, reports),
            });
          }
        }
        return { drafts, next: values };
      },
    };
  }
  const stories = (await readStories(store.db)).filter((s) => !p.story || s.id === p.story);
  const values = new Map(stories.map((s) => [s.id, String(s.articles.length)]));
  return {
    values,
    compare: async (prev) => {
      const drafts: Draft[] = [];
      const next = new Map<string, string>();
      for (const s of stories) {
        const before = Number(prev.get(s.id) ?? 0);
        const gained = s.articles.length - before;
        if (gained < (p.articles ?? 5)) {
          next.set(s.id, String(before));
          continue;
        }
        next.set(s.id, String(s.articles.length));
        const articles = latest(await readArticles(store.db, { storyId: s.id }), Math.min(gained, 5));
        drafts.push({
          subject: s.id,
          title: `Story gained ${gained} articles (${s.articles.length} in all): ${s.title}`,
          body: `${s.claims.length} claims; latest article ${s.last_published ?? "undated"}.`,
          path: links.story("", s.id),
          evidence: articles.map((a) => ({ claim: null, report: null, article: a.id, title: a.title, outlet: a.outlet, published: a.published, sentence: "", path: links.article("", a.id), url: a.url })),
        });
      }
      return { drafts, next };
    },
  };
}

/** Where alerts go besides the store and its Atom feed. */
export interface DeliveryOptions {
  /** One line per alert (the watch log). */
  log?: (line: string) => void;
  /** The server address links are made against. */
  baseUrl: string;
  /** Webhook attempts in all, and the first pause between them (doubling). */
  webhookAttempts?: number;
  webhookBackoffMs?: number;
  timeoutMs?: number;
  /** Stands in for DNS (tests). */
  resolve?: Resolver;
}

function toAlert(row: AlertTable): Alert {
  const body = JSON.parse(row.evidence) as { path: string; evidence: AlertEvidence[] };
  return { id: row.id, seq: row.seq, rule: row.rule_id, kind: row.kind as AlertKind, subject: row.subject, at: row.at, title: row.title, body: row.body, path: body.path, evidence: body.evidence, deliveries: JSON.parse(row.deliveries) };
}

/** The alert as a webhook receives it: every link absolute. */
export function alertPayload(a: Alert, baseUrl: string): object {
  return {
    id: a.id,
    rule: a.rule,
    kind: a.kind,
    subject: a.subject,
    at: a.at,
    title: a.title,
    body: a.body,
    link: baseUrl + a.path,
    evidence: a.evidence.map((e) => ({ ...e, link: baseUrl + e.path })),
  };
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

// POSTs the alert as JSON, retrying network failures and 5xx/408/429 answers with a doubling pause.
async function postWebhook(rule: AlertRule, alert: Alert, opts: DeliveryOptions): Promise<{ ok: boolean; attempts: number; status?: number; error?: string }> {
  const attempts = opts.webhookAttempts ?? 3;
  let last: { ok: boolean; attempts: number; status?: number; error?: string } = { ok: false, attempts: 0 };
  for (let n = 1; n <= attempts; n++) {
    try {
      const res = await httpRequest(rule.webhook!, {
        method: "POST",
        body: JSON.stringify(alertPayload(alert, opts.baseUrl)),
        headers: { "content-type": "application/json" },
        timeoutMs: opts.timeoutMs ?? 10_000,
        maxBytes: 64 * 1024,
        allowPrivate: rule.webhook_private,
        resolve: opts.resolve,
      });
      if (res.status >= 200 && res.status < 300) return { ok: true, attempts: n, status: res.status };
      last = { ok: false, attempts: n, status: res.status, error: `webhook answered ${res.status} ${res.statusText}`.trim() };
      if (res.status < 500 && res.status !== 408 && res.status !== 429) return last;
    } catch (err) {
      last = { ok: false, attempts: n, error: err instanceof Error ? err.message : String(err) };
      if (err instanceof FetchError && (err.kind === "refused" || err.kind === "bad_url")) return last;
    }
    if (n < attempts) await sleep((opts.webhookBackoffMs ?? 1000) * 2 ** (n - 1));
  }
  return last;
}

/**
 * Checks every rule against the ledger as it is now, stores and delivers the alerts raised, and remembers what each
 * rule saw. Returns the new alerts in order.
 */
export async function checkAlerts(store: Store, opts: DeliveryOptions, now = new Date()): Promise<Alert[]> {
  const raised: Array<{ rule: AlertRule; alert: Alert }> = [];
  for (const rule of await readAlertRules(store)) {
    const seen = await observe(store, rule);
    const { drafts, next } = await seen.compare(await alertState(store.db, rule.id));
    await store.transaction(async (tx) => {
      for (const d of drafts) {
        const at = now.toISOString();
        const id = "a-" + createHash("sha256").update(`${rule.id}|${d.subject}|${d.title}|${at}`).digest("hex").slice(0, 16);
        const row = { id, rule_id: rule.id, kind: rule.kind, subject: d.subject, at, title: d.title, body: d.body, evidence: JSON.stringify({ path: d.path, evidence: d.evidence }), deliveries: "{}" };
        const seq = await insertAlert(tx, row);
        raised.push({ rule, alert: toAlert({ ...row, seq }) });
      }
      await saveAlertState(tx, rule.id, next);
    });
  }
  for (const { rule, alert } of raised) {
    const deliveries: Record<string, unknown> = { feed: true };
    if (opts.log) {
      const first = alert.evidence[0];
      opts.log(`alert ${alert.kind}: ${alert.title} — ${opts.baseUrl}${alert.path}${first ? ` — "${first.sentence || first.title}" (${first.outlet ?? "unknown outlet"}, ${first.published ?? "undated"}) ${opts.baseUrl}${first.path}` : ""}`);
      deliveries.log = true;
    }
    if (rule.webhook) {
      deliveries.webhook = await postWebhook(rule, alert, opts);
      const w = deliveries.webhook as { ok: boolean; error?: string };
      if (!w.ok) opts.log?.(`alert ${alert.id}: webhook ${rule.webhook} failed: ${w.error}`);
    }
    alert.deliveries = deliveries;
    await setAlertDeliveries(store.db, alert.id, JSON.stringify(deliveries));
  }
  return raised.map((r) => r.alert);
}

/** The latest alerts, newest first. */
export async function readAlerts(store: Store, limit = 100): Promise<Alert[]> {
  return (await listAlerts(store.db, limit)).map(toAlert);
}

function xml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}

/** The alerts as an Atom feed, for the feed reader the user already follows things in. */
export function alertsAtom(alerts: Alert[], baseUrl: string): string {
  const updated = alerts[0]?.at ?? new Date(0).toISOString();
  const entries = alerts.map((a) => {
    const evidence = a.evidence
      .map((e) => `<li>${e.sentence ? `“${xml(e.sentence)}” — ` : ""}<a href="${xml(baseUrl + e.path)}">${xml(e.title ?? e.article)}</a>${e.outlet ? `, ${xml(e.outlet)}` : ""}${e.published ? `, ${xml(e.published)}` : ""}</li>`)
      .join("");
    const html = `<p>${xml(a.body)}</p>${evidence ? `<ul>${evidence}</ul>` : ""}`;
    return [
      `  <entry>`,
      `    <id>urn:bellwether:alert:${xml(a.id)}</id>`,
      `    <title>${xml(a.title)}</title>`,
      `    <updated>${xml(a.at)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(baseUrl + a.path)}"/>`,
      ...a.evidence.filter((e) => e.report).map((e) => `    <link rel="related" type="text/html" href="${xml(baseUrl + e.path)}"/>`),
      `    <category term="${xml(a.kind)}"/>`,
      `    <content type="html">${xml(html)}</content>`,
      `  </entry>`,
    ].join("\n");
  });
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <title>bellwether alerts</title>`,
    `  <id>urn:bellwether:alerts</id>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(baseUrl)}/alerts.xml"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(baseUrl)}/"/>`,
    `  <generator>bellwether</generator>`,
    ...entries,
    `</feed>`,
    "",
  ].join("\n");
}
