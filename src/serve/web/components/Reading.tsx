// One text's reading shown in place. The text comes first and plain; each layer (entities, times, attributions,
// events) is off until chosen, and a key says what each colour and outline means. The tables of what was read follow,
// folded away.
import { useState } from "react";
import type { Extraction } from "../api.js";
import { Link, paths } from "../router.js";
import { Factuality, ScrollBox } from "./common.js";
import { Highlighted, type Mark } from "./Highlighted.js";
import { Term } from "./Term.js";

type Layer = "entity" | "time" | "attribution" | "event";
const LAYERS: Array<{ id: Layer; label: string; term: string; key: Array<{ kind: string; text: string }> }> = [
  {
    id: "entity",
    label: "Entities",
    term: "entity",
    key: [
      { kind: "entity-person", text: "person" },
      { kind: "entity-country", text: "country or place" },
      { kind: "entity-organization", text: "organization, group or outlet" },
    ],
  },
  { id: "time", label: "Times", term: "timex", key: [{ kind: "time", text: "date or time" }] },
  {
    id: "attribution",
    label: "Attributions",
    term: "attribution",
    key: [
      { kind: "source", text: "source" },
      { kind: "cue", text: "cue" },
      { kind: "content", text: "what is attributed" },
    ],
  },
  {
    id: "event",
    label: "Events",
    term: "event-mention",
    key: [
      { kind: "event", text: "happening (outlined)" },
      { kind: "event fact-CTm", text: "told as not happening" },
    ],
  },
];

/** The marks of each chosen layer. */
function marksOf(x: Extraction, on: Set<Layer>): Mark[] {
  const marks: Mark[] = [];
  if (on.has("attribution"))
    for (const a of x.attributions) {
      marks.push({ start: a.content.start, end: a.content.end, kind: "content", label: `attributed to ${a.chain.map((c) => c.text).join(" ← ") || a.source.text}` });
      marks.push({ start: a.source.start, end: a.source.end, kind: "source", label: `source: ${a.source.text}` });
      marks.push({ start: a.cue.start, end: a.cue.end, kind: "cue", label: `cue: ${a.cue.text}` });
    }
  if (on.has("entity")) for (const e of x.entities) for (const m of e.mentions) marks.push({ start: m.start, end: m.end, kind: `entity-${e.type}`, label: `${e.type}: ${e.name}` });
  if (on.has("time")) for (const t of x.times) marks.push({ start: t.start, end: t.end, kind: "time", label: `${t.type} ${t.value}` });
  if (on.has("event"))
    for (const ev of x.events) marks.push({ start: ev.trigger.start, end: ev.trigger.end, kind: `event fact-${ev.factuality.replace("+", "p").replace("-", "m")}`, label: `${ev.type} — ${ev.factuality}` });
  return marks;
}

/** The text with its layers and key, and the tables of what was read; `focusSentence` is marked as a report's. */
export function Reading({ extraction: x, focusSentence }: { extraction: Extraction; focusSentence?: number | null }) {
  const [on, setOn] = useState<Set<Layer>>(new Set());
  const toggle = (l: Layer) => setOn((s) => (s.has(l) ? new Set([...s].filter((v) => v !== l)) : new Set([...s, l])));
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  const focus = focusSentence !== null && focusSentence !== undefined ? x.sentences[focusSentence] : undefined;
  const marks = [...marksOf(x, on), ...(focus ? [{ start: focus.start, end: focus.end, kind: "focus", label: "the sentence of the report" }] : [])];
  return (
    <div className="reading">
      <fieldset className="layers">
        <legend>Highlight in the text</legend>
        {LAYERS.map((l) => (
          <label key={l.id} className={`layer layer-${l.id}`}>
            <input type="checkbox" checked={on.has(l.id)} onChange={() => toggle(l.id)} data-layer={l.id} /> {l.label}
          </label>
        ))}
      </fieldset>
      {on.size ? (
        <ul className="key" aria-label="Key" data-testid="layer-key">
          {LAYERS.filter((l) => on.has(l.id)).flatMap((l) =>
            l.key.map((k) => (
              <li key={`${l.id}-${k.kind}`}>
                <mark className={`hl-${k.kind}`}>{k.text}</mark>
              </li>
            )),
          )}
        </ul>
      ) : (
        <p className="small muted" data-testid="layer-key">
          Choose a layer to see what was found in the text: <Term id="entity">entities</Term>, <Term id="timex">times</Term>, <Term id="attribution">attributions</Term> and{" "}
          <Term id="event-mention">events</Term>.
        </p>
      )}
      <div className="article-text" data-testid="reading-text">
        <Highlighted text={x.article.text} marks={marks} />
      </div>
      <details className="read-tables">
        <summary>
          What was read: {x.entities.length} entities, {x.times.length} times, {x.attributions.length} attributions, {x.events.length} events
        </summary>
        <h3>Entities</h3>
        <ScrollBox label="Entities">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Written as</th>
              </tr>
            </thead>
            <tbody>
              {x.entities.map((e) => (
                <tr key={e.id}>
                  <td>{e.id.startsWith("local:") ? e.name : <Link to={paths.actor(e.id)}>{e.name}</Link>}</td>
                  <td>{e.type}</td>
                  <td>{e.mentions.map((m) => m.text).filter((t, i, a) => a.indexOf(t) === i).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        <h3>Times</h3>
        <ScrollBox label="Times">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Text</th>
                <th scope="col">Type</th>
                <th scope="col">
                  <Term id="timex">Value</Term>
                </th>
              </tr>
            </thead>
            <tbody>
              {x.times.map((t, i) => (
                <tr key={i}>
                  <td>{t.text}</td>
                  <td>{t.type}</td>
                  <td>
                    <code>{t.value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        <h3>Attributions</h3>
        <ScrollBox label="Attributions">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Source chain</th>
                <th scope="col">Cue</th>
                <th scope="col">What was attributed</th>
              </tr>
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
        </ScrollBox>
        <h3>Events</h3>
        <ScrollBox label="Events">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Word</th>
                <th scope="col">Type</th>
                <th scope="col">Certainty</th>
                <th scope="col">Stance</th>
                <th scope="col">Parties</th>
                <th scope="col">Time</th>
                <th scope="col">Told by</th>
              </tr>
            </thead>
            <tbody>
              {x.events.map((ev) => (
                <tr key={ev.id}>
                  <td>{ev.trigger.text}</td>
                  <td>{ev.type}</td>
                  <td>
                    <Factuality value={ev.factuality} />
                  </td>
                  <td>{ev.stance ?? ""}</td>
                  <td>{ev.participants.map((p) => names.get(p) ?? p).join(", ")}</td>
                  <td>{ev.time ? <code>{ev.time}</code> : ""}</td>
                  <td>{ev.source.map((s) => (s.name ? `${s.text} (${s.name})` : s.text)).join(" ← ") || "the author"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </div>
  );
}
