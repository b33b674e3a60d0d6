// Generated articles that re-report each other, for tests of linking across articles.
import { generateArticle, type GeneratedArticle } from "../../bench/ingest.js";

/**
 * Articles that re-report each other: every third is another outlet's rewrite of a recent one (a new lead, the rest
 * kept, a day later, naming the first outlet), and every eleventh a roundup of the last article and one ten back, so
 * claims gather reports and origins across articles, recent and older ones in the same article.
 */
export function rereportingCorpus(n: number, seed: number): GeneratedArticle[] {
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 11 === 10) {
      const [older, last] = [out[i - 10], out[i - 1]];
      const text = [...older.text.trim().split(/\n\n/).slice(0, 3), ...last.text.trim().split(/\n\n/).slice(0, 3)].join("\n\n") + "\n";
      out.push({ ...last, id: `roundup-${i}`, outlet: generateArticle(seed + 300_000 + i).outlet, title: `Roundup: ${last.title}`, text });
    } else if (i % 3 === 2) {
      const source = out[i - 1 - (i % 7 === 5 ? 1 : 0)];
      const paragraphs = source.text.trim().split(/\n\n/);
      paragraphs[0] = `${generateArticle(seed + 100_000 + i).text.split(/\n\n/)[0]} ${source.outlet} first reported the talks.`;
      const day = new Date(Date.parse(source.date) + 86_400_000).toISOString().slice(0, 10);
      out.push({ ...source, id: `re-${i}`, outlet: generateArticle(seed + 200_000 + i).outlet, date: day, title: `Re: ${source.title}`, text: paragraphs.join("\n\n") + "\n" });
    } else {
      out.push(generateArticle(seed + i));
    }
  }
  return out;
}
