import { describe, expect, it } from "vitest";
import {
  allEntries,
  entityByCode,
  entityById,
  leaderRoles,
  officeholder,
  resolveName,
  splitName,
  pieceKey,
} from "../src/extract/gazetteer.js";

// The 193 member states of the United Nations, by ISO 3166-1 alpha-2 code.
const UN_MEMBERS = `AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD CL
CN CO KM CG CD CR CI HR CU CY CZ DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU
IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KP KR KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MD MC MN
ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK
SI SB SO ZA SS ES LK SD SR SE CH SY TJ TZ TH TL TG TO TT TN TR TM TV UG UA AE GB US UY UZ VU VE VN YE ZM ZW`.split(/\s+/);

const G20 = ["AR", "AU", "BR", "CA", "CN", "FR", "DE", "IN", "ID", "IT", "JP", "MX", "RU", "SA", "ZA", "KR", "TR", "GB", "US"];
// Short vacancies between two appointments, where no one is recorded as acting.
const VACANCIES: Array<[string, string, string, string]> = [["MX", "foreign-minister", "2023-06-12", "2023-07-03"]];
const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

function monthsSince(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}-15`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

describe("gazetteer data", () => {
  const entries = allEntries();

  it("has unique ids with a known prefix and a name", () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of entries) {
      expect(e.id).toMatch(/^(country|person|org|outlet|place|event):[A-Za-z0-9-]+$/);
      expect(e.name.length).toBeGreaterThan(0);
    }
  });

  it("lists every UN member state with a capital", () => {
    expect(UN_MEMBERS).toHaveLength(193);
    for (const code of UN_MEMBERS) {
      const country = entityById(`country:${code}`);
      expect(country, code).toBeDefined();
      expect(country!.type).toBe("country");
      expect(country!.capital, code).toBeTruthy();
      expect(country!.un, code).not.toBe(false);
    }
    expect(entries.filter((e) => e.type === "country" && e.un !== false)).toHaveLength(193);
  });

  it("resolves every name and alias back to its own entry", () => {
    const wrong: string[] = [];
    for (const e of entries) {
      for (const alias of [e.name, ...e.aliases]) {
        const found = resolveName(alias);
        if (found?.id !== e.id) wrong.push(`${alias} → ${found?.id ?? "nothing"} (want ${e.id})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("never gives the same full alias to two entries", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      const keys = new Set([e.name, ...e.aliases].map((a) => splitName(a.replace(/^the\s+/, "")).map(pieceKey).join(" ")));
      for (const key of keys) {
        const other = seen.get(key);
        if (other && other !== e.id) clashes.push(`${key}: ${other} / ${e.id}`);
        seen.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("keeps office ranges well formed and tied to known countries or organisations", () => {
    for (const p of entries.filter((e) => e.type === "person")) {
      for (const o of p.offices ?? []) {
        expect(o.role, p.id).toMatch(/^[a-z-]+$/);
        expect(o.from, p.id).toMatch(DATE);
        if (o.to !== null) {
          expect(o.to, p.id).toMatch(DATE);
          expect(o.from < o.to, `${p.id} ${o.role} ${o.from}..${o.to}`).toBe(true);
        }
        expect(entityByCode(o.country), `${p.id} ${o.country}`).toBeDefined();
      }
    }
  });

  it("has at least 200 outlets, agencies marked", () => {
    const outlets = entries.filter((e) => e.type === "outlet");
    expect(outlets.length).toBeGreaterThanOrEqual(200);
    const agencies = new Set(outlets.filter((o) => o.kind === "agency").map((o) => o.id));
    for (const id of ["outlet:reuters", "outlet:ap", "outlet:afp", "outlet:yonhap", "outlet:kcna", "outlet:xinhua", "outlet:tass", "outlet:kyodo"]) {
      expect(agencies.has(id), id).toBe(true);
    }
    expect(entityById("outlet:cnn")?.kind).not.toBe("agency");
  });

  it("covers the leader and the foreign minister of every G20 member on every month since mid-2017", () => {
    const gaps: string[] = [];
    for (const code of G20) {
      for (const day of monthsSince("2017-07", "2025-10")) {
        if (!officeholder("leader", code, day)) gaps.push(`${code} leader ${day}`);
        const vacant = VACANCIES.some(([c, r, from, to]) => c === code && r === "foreign-minister" && from <= day && day < to);
        if (!vacant && !officeholder("foreign-minister", code, day)) gaps.push(`${code} foreign minister ${day}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it.each([
    ["president", "US", "2018-06-12", "person:donald-trump"],
    ["president", "US", "2022-03-01", "person:joe-biden"],
    ["president", "US", "2025-10-18", "person:donald-trump"],
    ["foreign-minister", "US", "2018-06-12", "person:mike-pompeo"],
    ["foreign-minister", "US", "2025-10-18", "person:marco-rubio"],
    ["national-security-adviser", "US", "2019-02-27", "person:john-bolton"],
    ["president", "KR", "2018-04-27", "person:moon-jae-in"],
    ["president", "KR", "2023-04-26", "person:yoon-suk-yeol"],
    ["president", "KR", "2025-09-01", "person:lee-jae-myung"],
    ["unification-minister", "KR", "2025-10-18", "person:chung-dong-young"],
    ["national-security-adviser", "KR", "2018-03-09", "person:chung-eui-yong"],
    ["supreme-leader", "KP", "2019-02-27", "person:kim-jong-un"],
    ["foreign-minister", "KP", "2018-06-12", "person:ri-yong-ho"],
    ["foreign-minister", "KP", "2024-11-01", "person:choe-son-hui"],
    ["prime-minister", "JP", "2019-06-01", "person:shinzo-abe"],
    ["prime-minister", "JP", "2025-11-01", "person:sanae-takaichi"],
    ["president", "CN", "2024-01-01", "person:xi-jinping"],
    ["president", "RU", "2024-01-01", "person:vladimir-putin"],
    ["chancellor", "DE", "2024-01-01", "person:olaf-scholz"],
    ["chancellor", "DE", "2025-06-01", "person:friedrich-merz"],
    ["prime-minister", "GB", "2023-06-01", "person:rishi-sunak"],
    ["president", "UA", "2023-06-01", "person:volodymyr-zelenskyy"],
    ["prime-minister", "IL", "2022-08-01", "person:yair-lapid"],
    ["supreme-leader", "IR", "2022-08-01", "person:ali-khamenei"],
    ["president", "EC", "2022-08-01", "person:ursula-von-der-leyen"],
    ["president", "EUCO", "2025-02-01", "person:antonio-costa"],
    ["high-representative", "EU", "2025-02-01", "person:kaja-kallas"],
    ["secretary-general", "UN", "2025-02-01", "person:antonio-guterres"],
  ])("%s of %s on %s is %s", (role, country, date, id) => {
    expect(officeholder(role, country, date)?.id).toBe(id);
  });

  it("names no one when several people hold a role at once", () => {
    expect(officeholder("spokesperson", "CN-MFA", "2021-10-18")).toBeUndefined();
    expect(officeholder("spokesperson", "RU-KREMLIN", "2021-10-18")?.id).toBe("person:dmitry-peskov");
  });

  it("treats a country's leader by its form of government", () => {
    expect(leaderRoles("KP")).toContain("supreme-leader");
    expect(leaderRoles("JP")).toEqual(["prime-minister"]);
    expect(officeholder("leader", "DE", "2019-01-01")?.id).toBe("person:angela-merkel");
    expect(officeholder("leader", "IN", "2019-01-01")?.id).toBe("person:narendra-modi");
  });
});

describe("resolveName", () => {
  it.each([
    ["Donald Trump", null, "person:donald-trump"],
    ["Donald J. Trump", null, "person:donald-trump"],
    ["Trump", "2025-10-18", "person:donald-trump"],
    ["Kim Jong-un", null, "person:kim-jong-un"],
    ["kim jong un", null, "person:kim-jong-un"],
    ["Kim", "2019-02-27", "person:kim-jong-un"],
    ["Lee", "2025-09-01", "person:lee-jae-myung"],
    ["Lee", "2018-09-01", "person:lee-nak-yon"],
    ["Pyongyang", null, "country:KP"],
    ["DPRK", null, "country:KP"],
    ["U.S.", null, "country:US"],
    ["Kiev", null, "country:UA"],
    ["the Kremlin", null, "org:kremlin"],
    ["Yonhap news agency", null, "outlet:yonhap"],
    ["the Associated Press", null, "outlet:ap"],
    ["Trump’s", "2025-10-18", "person:donald-trump"],
    ["the South Korean president", "2018-05-01", "person:moon-jae-in"],
    ["the South Korean president", "2025-09-10", "person:lee-jae-myung"],
    ["North Korea's foreign minister", "2023-01-01", "person:choe-son-hui"],
    ["the prime minister of Japan", "2020-01-01", "person:shinzo-abe"],
    ["secretary of state", "2018-06-12", "person:mike-pompeo"],
  ])("%s (%s) → %s", (name, date, id) => {
    expect(resolveName(name, date)?.id).toBe(id);
  });

  it("returns nothing for unknown names and for bare titles without a date", () => {
    expect(resolveName("Zorblax Quentin")).toBeUndefined();
    expect(resolveName("the South Korean president")).toBeUndefined();
  });
});
