// One text's reading shown in place: entities, times, attributions and events highlighted, with tables beneath.
import { useState } from "react";
import type { Extraction } from "../api.js";
import { Link, paths } from "../router.js";
import { Factuality } from "./common.js";
import { Highlighted, type Mark } from "./Highlighted.js";

type Layer = "entity" | "time" | "attribution" | "event";
const LAYERS: Array<{ id: Layer; label: string }> = [
  { id: "entity", label: "Entities" },
  { id: "time", label: "Times" },
  { id: "attribution", label: "Attributions" },
  { id: "event", label: "Events" },
];

/** The marks of each chosen layer. */
function marksOf(x: Extraction, on: Set<Layer>): Mark[] {
  const marks: Mark[] = [];
  if (on.has("attribution"))
    for (const a of x.attributions) {
      marks.push({ start: a.content.start, end: a.content.end, kind: "content", label: `attributed to ${a.chain.map((c) => c.text).join(" ← ") || a.source.text}` });
      marks.push({ start: a.source.start, end: a.source.end, kind: "source", label: `source: ${a.source.text}${a.source.entity ? ` (${a.source.entity})` : ""}` });
      marks.push({ start: a.cue.start, end: a.cue.end, kind: "cue", label: `attribution cue: ${a.cue.text}` });
    }
  if (on.has("entity"))
    for (const e of x.entities) for (const m of e.mentions) marks.push({ start: m.start, end: m.end, kind: `entity-${e.type}`, label: `${e.type}: ${e.name}` });
  if (on.has("time")) for (const t of x.times) marks.push({ start: t.start, end: t.end, kind: "time", label: `${t.type} ${t.value}` });
  if (on.has("event"))
    for (const ev of x.events)
      marks.push({ start: ev.trigger.start, end: ev.trigger.end, kind: `event fact-${ev.factuality.replace("+", "p").replace("-", "m")}`, label: `${ev.type}${ev.cameo ? ` (CAMEO ${ev.cameo})` : ""} — ${ev.factuality}` });
  return marks;
}

/** The highlighted text and the tables of what was read in it. */
export function Reading({ extraction: x }: { extraction: Extraction }) {
  const [on, setOn] = useState<Set<Layer>>(new Set(["entity", "time", "attribution", "event"]));
  const toggle = (l: Layer) => setOn((s) => (s.has(l) ? new Set([...s].filter((v) => v !== l)) : new Set([...s, l])));
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  return (
    <div className="reading">
      <div className="layers" role="group" aria-label="Highlight">
        {LAYERS.map((l) => (
          <label key={l.id} className={`layer layer-${l.id}`}>
            <input type="checkbox" checked={on.has(l.id)} onChange={() => toggle(l.id)} /> {l.label}
          </label>
        ))}
      </div>
      <div className="article-text" data-testid="reading-text">
        <Highlighted text={x.article.text} marks={marksOf(x, on)} />
      </div>
      <div className="grid-2">
        <section>
          <h3>Entities ({x.entities.length})</h3>
          <table className="table">
            <thead>
              <tr><th>Name</th><th>Type</th><th>Mentions</th></tr>
            </thead>
            <tbody>
              {x.entities.map((e) => (
                <tr key={e.id}>
                  <td>{e.id.startsWith("local:") ? e.name : <Link to={paths.actor(e.id)}>{e.name}</Link>}</td>
                  <td><span className={`chip entity-${e.type}`}>{e.type}</span></td>
                  <td>{e.mentions.map((m) => m.text).filter((t, i, a) => a.indexOf(t) === i).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h3>Times ({x.times.length})</h3>
          <table className="table">
            <thead>
              <tr><th>Text</th><th>Type</th><th>Value</th></tr>
            </thead>
            <tbody>
              {x.times.map((t, i) => (
                <tr key={i}><td>{t.text}</td><td>{t.type}</td><td><code>{t.value}</code></td></tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      <section>
        <h3>Attributions ({x.attributions.length})</h3>
        <table className="table">
          <thead>
            <tr><th>Source chain</th><th>Cue</th><th>What was attributed</th></tr>
          </thead>
          <tbody>
            {x.attributions.map((a, i) => (
              <tr key={i}>
                <td>{a.chain.map((c) => c.text).join(" ← ") || a.source.text}</td>
                <td>{a.cue.text}</td>
                <td className="quote">{x.article.text.slice(a.content.start, a.content.end)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h3>Events ({x.events.length})</h3>
        <table className="table">
          <thead>
            <tr><th>Trigger</th><th>Type</th><th>Factuality</th><th>Participants</th><th>Time</th><th>Presented by</th></tr>
          </thead>
          <tbody>
            {x.events.map((ev) => (
              <tr key={ev.id}>
                <td>{ev.trigger.text}</td>
                <td>{ev.type}{ev.cameo ? <span className="muted"> · {ev.cameo}</span> : null}</td>
                <td><Factuality value={ev.factuality} /></td>
                <td>{ev.participants.map((p) => names.get(p) ?? p).join(", ")}</td>
                <td>{ev.time ? <code>{ev.time}</code> : ""}</td>
                <td>{ev.source.map((s) => s.text).join(" ← ") || <span className="muted">author</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
