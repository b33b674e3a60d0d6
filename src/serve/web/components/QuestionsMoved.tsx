// The questions a claim or an article moved, each move in signed points linked to its row of the question's log.
import type { QuestionMoved } from "../../../app/claim-page.js";
import { signedPoints } from "../../../app/words.js";
import { Link, paths } from "../router.js";

export function QuestionsMoved({ questions, testid }: { questions: QuestionMoved[]; testid: string }) {
  return (
    <section aria-labelledby="h-questions">
      <h2 id="h-questions">Questions it moved</h2>
      {questions.length === 0 ? <p className="muted">None.</p> : null}
      <ul className="plain" data-testid={testid}>
        {questions.map((q) => (
          <li key={q.id}>
            <Link to={paths.question(q.id)}>{q.title}</Link>:{" "}
            {q.moves.map((m, i) => (
              <span key={m.index}>
                {i ? ", " : ""}
                <Link to={paths.question(q.id, `update-${m.index}`)} data-number="move">
                  {signedPoints(m.probability - m.previous)}
                </Link>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
