// A report's stance toward its happening, and whether it is a recap: sentences modelled on real coverage of summits,
// visits and talks, each with the trigger read and the stance an analyst reading it would give (docs/stance.md).
import { describe, expect, it } from "vitest";
import type { Stance } from "../src/domain/extraction.js";
import { extract } from "../src/extract/index.js";

function mention(text: string, trigger: string, date: string) {
  const r = extract({ text, date });
  const at = text.indexOf(trigger);
  const e = r.events.find((x) => x.trigger.start <= at && x.trigger.end > at) ?? r.events.find((x) => x.trigger.text === trigger);
  if (!e) throw new Error(`no event at "${trigger}" in: ${text}`);
  return e;
}

const D = "2025-10-20";
// [sentence, trigger, stance]
const rows: [string, string, Stance][] = [
  // occurred
  ["Trump welcomed Putin to Alaska in August.", "welcomed", "occurred"],
  ["Sergei Lavrov landed at the Waterkloof air force base outside Pretoria late in the evening to represent Russia at the summit.", "represent", "occurred"],
  ["Biden walked out to greet Xi, and the two shook hands before sitting down across a long table.", "sitting", "occurred"],
  // an irregular past the tagger took for a noun after a floated quantifier is still the verb
  ["Biden, Blinken and Sullivan all saw Wang Yi during his three days in Washington.", "saw", "occurred"],
  ["Trump and Putin met for nearly three hours at the air base on Friday.", "met", "occurred"],
  ["The talks lasted about two hours, a Turkish official said.", "talks", "occurred"],
  ["Xi greeted Kim in the square before the parade began.", "greeted", "occurred"],
  ["The two leaders held talks in the Kremlin on Tuesday.", "talks", "occurred"],
  ["Zelensky met Erdogan in Ankara on Thursday and then flew home.", "met", "occurred"],
  ["The delegations sat down at the Dolmabahce Palace shortly after noon.", "sat", "occurred"],
  ["Putin landed in Pyongyang shortly after 2 a.m. and was met by Kim on the tarmac.", "landed", "occurred"],
  ["Putin arrived in Pyongyang early on Wednesday for his first visit in 24 years.", "arrived", "occurred"],
  ["Biden and Xi shook hands at the entrance of the estate.", "shook", "occurred"],
  ["The summit ended without a joint statement.", "summit", "occurred"],
  // a happening with no tense of its own takes its clause's past, unless the clause only plans or talks of it
  ["Their two hours of talks at the palace produced a short joint statement.", "talks", "occurred"],
  ["The quarrel broke out after nearly an hour of calm conversation before the cameras.", "conversation", "occurred"],
  ["The two presidents then drove to a hotel in Nusa Dua for talks.", "talks", "discussed"],
  ["The format of the talks was still being worked out, an aide said.", "talks", "discussed"],
  // a participle of scheduling set off by commas sets the happening; a plan that holds "unless" something undoes it
  // is still set
  ["Blinken said his meeting with Sergey Lavrov, pencilled in for Thursday in Geneva, was still on.", "meeting", "scheduled"],
  ["Blinken said his meeting with Sergey Lavrov, pencilled in for Thursday, was still the plan, unless Russia invades.", "meeting", "scheduled"],
  // a "have" before its object is the verb of having the happening, not the perfect's auxiliary
  ['"We will have a summit in Budapest," Trump said.', "summit", "scheduled"],
  ["They had a long meeting on Friday, officials said.", "meeting", "occurred"],
  // a word of a party's own for a three-way meeting, capitalised as it was posted
  ['"After that meeting takes place, we will have a Trilat," Trump wrote.', "Trilat", "scheduled"],
  ["The meeting went ahead as planned on Friday.", "meeting", "occurred"],
  // a measure of the happening between a cue of setting and it is no other object set
  ["Russia and Ukraine have agreed to hold a second round of talks in Istanbul on June 2.", "talks", "scheduled"],
  ["The summit itself, agreed in principle on Sunday night through the mediation of Emmanuel Macron, is now a dead letter.", "summit", "called_off"],
  // what dashed the hopes of a happening left it undone
  ["Xi stayed away from the G20 in India last month, dashing hopes of a meeting there.", "meeting", "failed"],
  // a gathering held by a verb of going is the attendance the verb tells, at its stage
  ["President Donald Trump said on Friday he would not go to the Group of 20 summit in South Africa in November.", "summit", "refused"],
  // the alternative passed over is not planned, or did not happen when the sentence tells what was done instead
  ["Biden will see the Israeli leader in New York next week instead of hosting him in Washington, officials said.", "hosting", "unplanned"],
  ["Instead of Netanyahu flying to Washington, Biden flew to Israel.", "flying", "failed"],
  // an absence agreed between the parties is a plan called off; a promise that went unmet failed
  ['South Africa\'s presidency said Putin would not attend the summit "by mutual agreement".', "attend", "called_off"],
  ['Pretoria announced that, "by mutual agreement", Putin would stay home and send Sergei Lavrov.', "stay home", "called_off"],
  ["That invitation was overtaken by the Hamas attack of Oct. 7 and the war in Gaza.", "invitation", "failed"],
  // a party's decision not to do what was in view calls it off, never tells it held
  ["Putin decided not to attend the summit in Johannesburg, the Kremlin said.", "attend", "called_off"],
  ["Xi chose not to travel to New Delhi for the G20.", "travel", "called_off"],
  // what people who met were together for is the meeting held
  ["Putin and Kim Jong Un met Wednesday at Russia's most modern space launch centre, in the Amur region of the Far East, for a summit that Washington fears.", "summit", "occurred"],
  ["Putin and Kim will meet on Wednesday for a summit.", "summit", "scheduled"],
  // a meeting or call that a past act was done in took place; not one a plan or a future act is set in
  ["Biden raised the issue in his call with Netanyahu.", "call", "occurred"],
  ["Putin had agreed, in his call with Donald Trump, to meet Volodymyr Zelensky within two weeks.", "call", "occurred"],
  ["He will raise it in his call with Putin on Friday.", "call", "scheduled"],
  ["Trump planned a meeting during his visit to Beijing.", "visit", "discussed"],
  ["Trump showed no interest in a meeting with Kim.", "meeting", "refused"],
  // a party's own intention in the first person is its wish; a promised visit is one offered
  ['"I plan to meet with Xi Jinping," Zelensky told a news conference.', "meet", "wanted"],
  ["Zelensky plans to meet Xi, officials said.", "meet", "discussed"],
  ["Neither side has named a date, and the promised visit remains a promise.", "visit", "wanted"],
  // an offer only possible is talked of, not made
  ["Ambassador Tom Nides told Israeli Army Radio that Netanyahu could be invited to Washington after Passover.", "invited", "discussed"],
  ["Nides said on Tuesday that an invitation could come after Passover.", "invitation", "discussed"],
  // what nothing waits on, as a party tells it, is wished for; what an expectation waits on is talked of
  ['"Look, nothing\'s going to happen until Putin and I get together," Trump said.', "get", "wanted"],
  ["Rubio said he did not expect a breakthrough until Trump and Putin met directly.", "met", "discussed"],
  // a country's "its negotiators" are the country's: its proposal that they meet is its wish
  ["Russia proposed on Wednesday that its negotiators meet Ukraine's again in Istanbul on Monday, June 2.", "meet", "wanted"],
  // accepted only "in principle", after the happening as before it, is wished for, not set
  ['Macron announced overnight that both presidents had accepted a summit "in principle".', "summit", "wanted"],
  // a name counts once on the way from a happening to its predicate, however many words it has
  ["A meeting with Xi Jinping at next month's Asia-Pacific Economic Cooperation summit in San Francisco is possible but has not been arranged, Biden said.", "meeting", "discussed"],
  ["Ministers in Paris praised the announcement of a summit between the two leaders.", "summit", "discussed"],
  // a gathering that collapsed or broke down was held; a deal that collapsed was not
  ["Their meeting in the Oval Office broke down after forty minutes.", "meeting", "occurred"],
  ["The talks in Jeddah collapsed into shouting on Friday.", "talks", "occurred"],
  // a party calling or standing ready for talks wants them
  ["Moscow stood ready for talks in Istanbul without preconditions, the Kremlin said.", "talks", "wanted"],
  // an absence told ahead is no plan to be there; a party's own "will not" refuses
  ["The premier will probably miss next week's summit in Delhi, officials said.", "miss", "unplanned"],
  ["Biden said he would not host Netanyahu at the White House in the near term.", "host", "refused"],
  ["The Kremlin spokesman said Putin would not be travelling to Ankara.", "travelling", "refused"],
  // what a count runs from took place, and a recap is no condition's
  ["A summit would be their first encounter since the Feb. 28 meeting in the Oval Office.", "meeting", "occurred"],
  ["If it goes ahead, the visit would be his first to Pyongyang since his July 2000 trip.", "trip", "occurred"],
  // a happening named and denied with no tense of its own is no plan
  ["Moscow is in no hurry to fix a date for a first summit, the Kremlin signalled.", "summit", "unplanned"],
  ["Trump gave no sign that a meeting with Vladimir Putin himself was in the works.", "meeting", "unplanned"],
  ["An in-person meeting between Rubio and Lavrov was no longer seen as necessary after their phone call.", "meeting", "unplanned"],
  // a mention naming no one is the happening of its kind told just before it
  ["Kim will pay an official visit to Russia on Tuesday, the Kremlin said, ending weeks of silence on the trip.", "trip", "scheduled"],
  ["The aides said they had held a \"very productive\" discussion lasting a quarter of an hour.", "discussion", "occurred"],
  // a wish whose "that" clause holds the happening, and quotation marks inside a cue
  ["Biden proposed on Tuesday that he and Putin hold a summit in a third country.", "summit", "wanted"],
  ["Moscow is insisting that its president attend the summit in person.", "attend", "wanted"],
  ["Both leaders \"accepted the principle\" of such a summit, the French presidency said.", "summit", "wanted"],
  // a date fixed sets the happening, whoever reports it
  ["Netanyahu will meet Biden in New York on Nov. 21, Israeli diplomatic sources said.", "meet", "scheduled"],
  // a question put takes the stance of the set reply that answers it
  ["Asked whether the prime minister might join the talks later, his spokesman said there were no such plans.", "join", "unplanned"],
  ["Asked about the odds of a summit before the winter, the envoy said it was too early to say.", "summit", "unplanned"],
  ["Asked whether Biden would see Xi in November, the press secretary said: \"It's happening.\"", "see", "scheduled"],
  ["Asked whether the two would meet in Rome, the aide said he could not rule it out.", "meet", "discussed"],
  ["\"At this point, that is certainly not in the plans,\" Psaki told reporters when asked whether a Biden-Putin meeting could still happen.", "meeting", "unplanned"],
  // scheduled
  ["Biden and Putin will meet in Geneva on June 16, the White House said. Beijing said the presidents' talks would go deep into strategic questions.", "talks", "scheduled"],
  ["Vladimir Putin and Donald Trump will meet in the coming days, the Kremlin said on Thursday.", "meet", "scheduled"],
  ["Donald Trump and Xi Jinping met at an air base in Busan on Thursday, their first face-to-face talks since 2019.", "talks", "occurred"],
  // a happening counted by an ordinal and said of what is under way is held; "would be" looks ahead
  ["It is Herzog's second visit to the White House; he was received there in October 2022.", "visit", "occurred"],
  ["Witkoff, on his fifth trip to Russia this year, was met at Vnukovo Airport by Kirill Dmitriev.", "trip", "occurred"],
  ["It would be his first visit to Moscow since 2019.", "visit", "discussed"],
  // "last" before the happening tells it held; "last-minute" does not
  ["Their last meeting before Busan was in Osaka in June 2019.", "meeting", "occurred"],
  // adjectives joined by "and" stay in the phrase a light verb holds
  ["Xi Jinping and Volodymyr Zelensky held a long and meaningful phone call on Wednesday.", "call", "occurred"],
  // the happening named again in apposition may name only some of its parties
  ["Vladimir Putin will pay a \"friendly state visit\" to North Korea on Tuesday, the Kremlin announced on Monday, his first trip there in 24 years.", "trip", "scheduled"],
  ["Trump and Putin will meet in Alaska on Aug. 15, the White House said.", "meet", "scheduled"],
  ["The White House confirmed that Biden will meet Xi on Wednesday in San Francisco.", "meet", "scheduled"],
  ["The second round of talks is set for Monday in Istanbul.", "round", "scheduled"],
  ["Putin will travel to North Korea on June 18-19, the Kremlin said.", "travel", "scheduled"],
  ["The meeting will take place next Friday, the ministry said.", "meeting", "scheduled"],
  ["Netanyahu will meet Biden in New York next week, his office said.", "meet", "scheduled"],
  ["Blinken and Lavrov agreed to meet in Geneva on Thursday.", "meet", "scheduled"],
  ["Peskov said the summit would take place in Geneva on June 16.", "summit", "scheduled"],
  ["Zelensky is heading to the White House on Friday for a signing ceremony, Trump said.", "heading", "scheduled"],
  ["The leaders are scheduled to meet on the sidelines of the summit.", "meet", "scheduled"],
  // unknown: an open question, or what a source will not say
  ["The Kremlin has not said whether Putin will come.", "come", "unknown"],
  ["China has yet to confirm that Xi will attend the gathering.", "attend", "unknown"],
  ["Peskov declined to comment on the talks with Witkoff.", "talks", "unknown"],
  ["Asked whether he would sit down with the Russian leader, Trump said only that Putin had been very disappointing.", "sit", "unknown"],
  // a denial over a stretch of time since a happening, a place or a day long past recalls the last happening, which
  // took place; since a recent day or a turn of events, the contact looked for has not come about
  ["The two presidents have not met in person since their summit in Helsinki in July 2018.", "met", "occurred"],
  ["Putin has not set foot in the United States since 2015.", "set", "occurred"],
  ["Biden and Xi have not met in person since Bali.", "met", "occurred"],
  // a happening ahead only talked of is not set by the talk, which itself took place
  // "when" after a verb that asks or tells is a question; after others it opens a clause of time that takes the
  // happening for granted, set when its day is still ahead
  ["The issue will be discussed when Lavrov visits Pyongyang on Friday.", "visits", "scheduled"],
  ["Officials did not say when Lavrov visits Pyongyang.", "visits", "discussed"],
  // a setting told as not done leaves the happening unplanned, whatever the time
  ["Officials describe a meeting there as possible, but none has been scheduled.", "scheduled", "unplanned"],
  // adverbs and a day inside a cue's words are passed over
  ["The Kremlin pushed back again on Wednesday against the idea that Putin and Zelensky could meet soon.", "meet", "unplanned"],
  // a call confirmed with no day ahead took place
  ["Yuri Ushakov confirmed the call and said the two presidents had agreed to prepare a summit.", "call", "occurred"],
  ["The Kremlin confirmed the call planned for next Tuesday.", "call", "scheduled"],
  ["Officials stressed that no date had ever been set for a visit by the prime minister.", "visit", "unplanned"],
  ["Russian officials have since spoken of a visit next spring without saying when.", "visit", "discussed"],
  ["Russian officials have since spoken of a visit next spring without saying when.", "spoken", "occurred"],
  ["Biden and Putin have not spoken since mid-September.", "spoken", "failed"],
  ["Xi has not spoken to Zelensky since the invasion began.", "spoken", "failed"],
  ["Will he come?", "come", "unknown"],
  ["Asked whether Moscow had agreed to a summit, Lavrov did not answer.", "summit", "unknown"],
  ["It was unclear whether Blinken would still sit down with Lavrov on Thursday.", "sit", "unknown"],
  // ...but a question answered, or details withheld of a happening taken as set, keep their stance
  ["Asked whether he would speak to Putin, Biden said he had no plans to talk to him.", "talk", "unplanned"],
  ["Administration officials would not say where the talks will be held on Wednesday.", "talks", "scheduled"],
  ["The Kremlin declined to comment on a newspaper report that Kim may soon travel to Russia.", "travel", "discussed"],
  // a definite mention takes the stage the article gives its happening
  ["Biden and Xi met for four hours at the Filoli estate on Wednesday. The talks covered fentanyl and military contacts.", "talks", "occurred"],
  // a looked-for chance taken away
  ["Xi is likely to stay away from the summit, a decision that would deny him a chance to meet Biden.", "meet", "failed"],
  ["Xi's decision to stay home removes the likeliest occasion for a meeting with Biden this year.", "meeting", "failed"],
  ["Neither government has confirmed a meeting there.", "meeting", "discussed"],
  // judged, so held; a fronted phrase takes the main clause's tense
  ["Putin called the conversation very informative, open and useful.", "conversation", "occurred"],
  ["The Prime Minister's Office described the hour-long conversation as good and friendly.", "conversation", "occurred"],
  ["During the call, Kirby said, Biden urged restraint on the judicial overhaul.", "call", "occurred"],
  // a plan denied is no plan, not a failure; a plan that had been set is called off, while one told only as what was
  // to have been ("were to have met") is said not to have happened, and so failed
  ["No meeting between the two presidents has been announced.", "meeting", "unplanned"],
  ["A White House visit for Netanyahu has not been scheduled.", "visit", "unplanned"],
  ["Thursday was the day on which Blinken and Lavrov were to have met in Geneva.", "met", "failed"],
  ["Zelensky left the White House, where a minerals deal was to have been signed that afternoon.", "signed", "failed"],
  ["The session had also been meant to prepare the ground for a summit.", "session", "called_off"],
  ["A meeting between Biden and Putin is off the table for now, the White House said.", "meeting", "called_off"],
  ["Antony Blinken called that meeting off the next day.", "meeting", "called_off"],
  ["A planned signing of the minerals deal and a joint news conference were both scrapped.", "signing", "called_off"],
  ["The summit itself, agreed in principle on Sunday night through the mediation of Emmanuel Macron, is now a dead letter.", "summit", "called_off"],
  ["Psaki said that no meeting, engagement or phone conversation between the two leaders was in the works.", "meeting", "unplanned"],
  ["The Kremlin pushed back against the idea of a summit.", "summit", "unplanned"],
  ["Merz dismissed the idea of a meeting between Putin and Zelensky.", "meeting", "unplanned"],
  ["Biden said on Sunday he was disappointed by Xi's absence from the G20 summit last weekend.", "absence", "failed"],
  ["John Kirby said there was nothing on the schedule for such a visit.", "visit", "unplanned"],
  ["The Kremlin said Russia and the United States had not yet agreed on when or where Putin and Biden might meet.", "meet", "unplanned"],
  ["Where the two will sit down has not been announced.", "sit", "unplanned"],
  ["Administration officials would not say where the talks will be held, beyond the Bay Area.", "talks", "scheduled"],
  ["When the two finally sat down, no agreement was announced.", "sat", "occurred"],
  ["Asked in October, Kremlin spokesman Dmitry Peskov said Putin was \"not yet going\".", "going", "unplanned"],
  ["Putin had stayed home because Trump himself was not going.", "going", "unplanned"],
  ["Biden said in March that there would be no invitation in the near term.", "invitation", "refused"],
  ["Neither leader extended an invitation to his capital.", "invitation", "unplanned"],
  ["The two leaders would meet on the sidelines of the summit in mid-November, according to the Post.", "meet", "discussed"],
  ["\"This is a new proposal and it will be studied,\" Kremlin spokesman Dmitry Peskov told reporters.", "proposal", "discussed"],
  ["The Kremlin has said that offer is being studied.", "offer", "discussed"],
  ["Trump wrote that the Ukrainian can come back when he is ready for Peace.", "come", "wanted"],
  ["Vladimir Putin proposed on Sunday that Russia and Ukraine resume direct negotiations in Istanbul on Thursday.", "negotiations", "wanted"],
  ["Xi Jinping spoke with Volodymyr Zelensky by phone on Wednesday, the first conversation between the two leaders since the invasion.", "conversation", "occurred"],
  ["Russian and Ukrainian delegations met at Dolmabahce Palace on Friday in their first direct talks in more than three years.", "talks", "occurred"],
  ["Donald Trump said on Friday that he expected to meet Vladimir Putin in Budapest within two weeks or so.", "meet", "scheduled"],
  ["Treasury Secretary Scott Bessent said he expected Donald Trump to meet Xi Jinping in South Korea later this month.", "meet", "discussed"],
  ["Vance will no longer travel to Johannesburg, a person familiar with his plans said.", "travel", "called_off"],
  ["The White House said on Feb. 22 that the summit was no longer in the plans.", "summit", "called_off"],
  // the one who asks for a happening takes part in it
  ["Zelensky had hoped for a face-to-face meeting with Trump, CNN reported.", "meeting", "wanted"],
  ["Zelensky said his meeting with Trump on Friday did not go the way it was supposed to.", "meeting", "occurred"],
  ["The Oval Office meeting erupted into a shouting match.", "meeting", "occurred"],
  // discussed
  // a happening that only "could take place" is weighed, even when the article tells it set elsewhere
  ["Xi will visit Russia next week, the Kremlin said. Reuters reported that Xi's visit to Moscow could take place as early as next week.", "visit to Moscow", "discussed"],
  ["The two sides said their presidents had agreed to conclude as soon as possible a comprehensive agreement on minerals, the agreement whose signing was scrapped on Feb. 28.", "agreement", "discussed"],
  ["He said he believed both Vladimir Putin and Volodymyr Zelensky would be at the Thursday meeting in Turkey.", "meeting", "discussed"],
  ["Many in Israel expect a sit-down in New York during the U.N. General Assembly.", "sit-down", "discussed"],
  ["One official described the meeting as fairly certain, the newspaper said.", "meeting", "discussed"],
  ["Trump kept the door open, saying a trip there remained a possibility.", "trip", "discussed"],
  ["Some commentators read the notice as opening the way for Putin to come.", "come", "discussed"],
  ["Officials discussed a possible meeting between the two leaders.", "meeting", "discussed"],
  ["The minister spoke of a meeting between the two presidents at the summit.", "meeting", "discussed"],

  ["The two leaders could meet at the APEC summit later this month.", "meet", "discussed"],
  ["We cannot rule out a meeting, Peskov said.", "meeting", "discussed"],
  ["Preparations are under way for a visit by Putin to North Korea, the Kremlin said.", "visit", "discussed"],
  ["Biden and Xi are expected to meet in November, according to officials.", "meet", "discussed"],
  ["A summit would be the first between the two men since 2019.", "summit", "discussed"],
  ["Kim could travel to Russia this month, the newspaper reported, citing officials.", "travel", "discussed"],
  ["The Kremlin said a meeting was possible but needed preparation.", "meeting", "discussed"],
  ["Diplomats are working toward a meeting between the presidents next month.", "meeting", "discussed"],
  ["Trump said he was thinking about flying to Turkey for the talks.", "flying", "discussed"],
  ["Turkey offered to host talks between Russia and Ukraine, the foreign minister said.", "talks", "discussed"],
  ["It is unclear whether the two presidents will meet before the end of the year.", "meet", "unknown"],
  ["Putin would travel to North Korea in the coming weeks, Vedomosti reported, citing a diplomatic source.", "travel", "discussed"],
  ["Analysts said a meeting might come later in the year.", "meeting", "discussed"],
  // wanted
  ["Kim would welcome Putin's offer of talks.", "talks", "wanted"],
  ["Netanyahu had wanted the meeting with Biden to take place at the White House.", "meeting", "wanted"],
  ["Kim Jong Un asked Vladimir Putin to come to North Korea at a convenient time.", "come", "wanted"],
  ["Zelensky left the White House after a clash with Trump. \"He can come back when he is ready for Peace,\" Trump wrote.", "come", "wanted"],
  ["The White House has confirmed that President Joe Biden is prepared in principle to meet Vladimir Putin.", "meet", "wanted"],
  ["Trump said he would love to meet Kim again.", "meet", "wanted"],
  ["Zelensky said he was ready to meet Putin in Istanbul.", "meet", "wanted"],
  ["Xi invited Putin to visit Beijing.", "visit", "wanted"],
  ["Putin proposed direct talks with Ukraine in Istanbul.", "talks", "wanted"],
  ["Kim is open to talks with Washington, state media said.", "talks", "wanted"],
  ["I will be waiting for Putin in Turkey on Thursday, Zelensky wrote.", "waiting", "wanted"],
  ["Biden hopes to meet Netanyahu in Washington before the end of the year.", "meet", "wanted"],
  ["Netanyahu wants to visit the White House this year, an aide said.", "visit", "wanted"],
  ["Zelensky challenged Putin to meet him in person.", "meet", "wanted"],
  ["Moscow welcomed the offer of talks, Peskov said.", "talks", "wanted"],
  // unplanned
  ["\"It is not on the schedule for this trip,\" the official said of a meeting with Kim.", "trip", "discussed"],
  ["The statement gave no date or venue for the meeting, and it did not mention the White House.", "meeting", "unplanned"],
  ["Neither the White House nor the Prime Minister's Office has announced a date or venue for the leaders' meeting.", "meeting", "unplanned"],
  ["Three and a half months later, the trip still has no date.", "trip", "unplanned"],
  ["Trump has no plans to meet Kim during his trip to Asia.", "meet", "unplanned"],
  ["A meeting is not on the schedule, a senior official said.", "meeting", "unplanned"],
  ["The talks will not take place.", "talks", "unplanned"],
  // a verb's object that an auxiliary follows is the subject of a clause of its own; unlikely within a stretch is no plan
  ["TASS said the reply meant the trip was unlikely within the next two months.", "trip", "unplanned"],
  ["Officials said the decision meant the summit was unlikely.", "summit", "discussed"],
  // a clause leaving everything open makes a happening told as set only discussed
  ["A National Security Council spokesperson said that while the president expects to see Xi in November, nothing has been confirmed.", "see", "discussed"],
  ["One official described the meeting as fairly certain, although no date has been fixed.", "meeting", "discussed"],
  // a plan told as set that will not now happen is called off
  ["The sixth round of talks, which had been scheduled for Sunday in Muscat, will not take place, Oman said.", "round", "called_off"],
  ["There is no precise timeframe for a summit, Peskov told reporters.", "summit", "unplanned"],
  ["An in-person meeting is not necessary, the Kremlin said.", "meeting", "unplanned"],
  ["Putin has no plans to travel to South Africa, an aide said.", "travel", "unplanned"],
  ["There are no plans for a meeting between the two presidents, the White House said.", "meeting", "unplanned"],
  ["Peskov said it was premature to talk about a summit.", "summit", "unplanned"],
  ["The White House said a Biden-Putin meeting was not in the plans now.", "meeting", "unplanned"],
  ["No date has been set for a summit, the Kremlin said.", "summit", "unplanned"],
  ["Xi is not expected to attend the summit in New Delhi.", "attend", "unplanned"],
  ["The minister said no meeting is planned for the coming weeks.", "meeting", "unplanned"],
  // called off
  ["Trump called off the summit in a letter to Kim.", "summit", "called_off"],
  ["The summit was postponed indefinitely.", "summit", "called_off"],
  ["Blinken cancelled that meeting on Tuesday.", "meeting", "called_off"],
  ["The signing ceremony and the news conference that were to follow were called off.", "ceremony", "called_off"],
  ["The White House scrapped the planned meeting after the announcement.", "meeting", "called_off"],
  ["Moscow shelved the visit, officials said.", "visit", "called_off"],
  ["The talks were suspended after the attack.", "talks", "called_off"],
  ["Lavrov pulled out of the meeting in Geneva.", "meeting", "called_off"],
  // failed
  ["Trump left Seoul without meeting Kim.", "meeting", "failed"],
  ["We weren't able to work out timing for a meeting, Trump said.", "meeting", "failed"],
  ["Putin stayed away from the talks in Istanbul.", "stayed", "failed"],
  ["Xi skipped the G20 summit in New Delhi.", "skipped", "failed"],
  ["The two leaders did not meet during the forum.", "meet", "failed"],
  ["The face-to-face meeting Zelensky had demanded did not take place.", "meeting", "failed"],
  ["Zelensky left Istanbul without seeing Putin.", "seeing", "failed"],
  ["Kim could not meet Trump before he left.", "meet", "failed"],
  // refused
  ["Kim rejected talks with Washington.", "talks", "refused"],
  ["The Kremlin ruled out a meeting between Putin and Zelensky.", "meeting", "refused"],
  ["Putin refused to meet Zelensky in Istanbul.", "meet", "refused"],
  ["North Korea has no interest in talks with the United States, Kim Yo Jong said.", "talks", "refused"],
  ["Putin does not want to meet Zelensky, the Kremlin said.", "meet", "refused"],
  ["Pyongyang dismissed the offer of talks.", "talks", "refused"],
  ["Kim declined to meet the envoy.", "meet", "refused"],
  // a "when" clause in the present takes the happening for granted: set when its date is ahead or its venue named
  ["When Modi sits down with Albanese in Sydney on Thursday, trade will top the agenda.", "sits", "scheduled"],
  ["Aides expect a frank exchange when the two ministers meet in Vienna.", "meet", "scheduled"],
  ["Officials would not say when the two ministers meet.", "meet", "discussed"],
  // what a clause is told to come after took place, unless the sentence looks ahead
  ["After four hours of talks with Orban in Budapest on Monday, Fico said the pipeline would stay open.", "talks", "occurred"],
  ["The envoys spoke to reporters at the end of two days of negotiations in Doha.", "negotiations", "occurred"],
  ["Sanctions were lifted days after the summit in Riyadh.", "summit", "occurred"],
  ["The ministers will sign the accord after the talks next week.", "talks", "scheduled"],
  ["Aid was frozen after the meeting was called off.", "meeting", "called_off"],
  // a happening judged as what "it" was, and one wrapped up
  ["Scholz called it a useful meeting in a post on X.", "meeting", "occurred"],
  ["The two prime ministers wrapped up their talks in Tokyo on Friday.", "talks", "occurred"],
  ["Negotiations in Geneva faltered within a week.", "Negotiations", "occurred"],
  // a compound telling the happening's past is no stage of it; what something is said not to be tells none either
  ["Kyiv and Washington have signed a memorandum on the long-delayed trade agreement.", "agreement", "discussed"],
  ["It is not the agreement itself: the teams still have to finish the text.", "agreement", "unknown"],
  // a noun after a hyphenated modifier, whatever the tagger says, is no verb in the present
  ["A letter might precede any public confirmation of a face-to-face encounter.", "encounter", "discussed"],
  // put off to a day still ahead is set again for it; put off with no day is called off
  ["Russian agencies reported that the talks had been put off until Friday.", "talks", "scheduled"],
  ["The summit was postponed indefinitely, the ministry said.", "summit", "called_off"],
  // a cue that sets a happening says nothing against the trigger's own negation
  ["The presidency announced that the Russian leader would not travel to Johannesburg.", "travel", "unplanned"],
  // a verb that only tells of its object lends it no tense; a judgement names it held, unless as still ahead
  ["He described the trip in a radio interview.", "trip", "discussed"],
  // what a journey made is for is set; one only planned is left to its own cues
  ["Zelensky arrived in the Turkish capital on Thursday for talks with President Recep Tayyip Erdogan.", "talks", "scheduled"],
  ["The Russian delegation reached Istanbul in the morning for the talks.", "talks", "scheduled"],
  ["If Putin does make the trip and the two presidents meet, it would be their first encounter since Paris.", "meet", "discussed"],
  ["Netanyahu lobbied for a sit-down with Biden at the White House.", "sit", "wanted"],
  ["Netanyahu had lobbied hard through his ambassador for a sit-down at the White House.", "sit", "wanted"],
  ["Trump said the administration was looking to sign a deal with Ukraine.", "sign", "wanted"],
  // the fate of a plan, a promise or a hope is the fate of the happening it carries
  ["A memorandum was signed on April 17, and Trump's promise of a signing the following Thursday went unmet.", "signing", "failed"],
  ["Europe's hopes of a face-to-face encounter between the two leaders faded further.", "encounter", "unplanned"],
  ["The promised signing went unmet.", "signing", "failed"],
  // a participle after the noun tells what it is; a reduced relative is passed over to the predicate
  ['Donald Trump said that he and Xi Jinping had "a pretty long meeting scheduled" in South Korea.', "meeting", "scheduled"],
  ["The meeting scheduled for Thursday was called off.", "meeting", "called_off"],
  ["No date has been given for the visit to Russia that Putin proposed.", "visit", "unplanned"],
  ["Ushakov told TASS that a meeting between Putin and Kim Jong Un on the sidelines was being worked out.", "meeting", "discussed"],
  // a time or a judgement in a condition is the condition's own
  ["Trump said a later meeting with both Putin and Zelensky could follow if Friday went well.", "meeting", "discussed"],
  ["Trump warned of very severe consequences if Putin did not agree to stop the war after the meeting.", "meeting", "discussed"],
  ["Ushakov said Moscow had left unanswered a U.S. suggestion of a three-way meeting.", "meeting", "wanted"],
  ["The Kremlin spokesman described the trip as part of more long-term plans.", "trip", "discussed"],
  ['Trump described the encounter as "a very meaningful meeting in the White House".', "meeting", "occurred"],
  // a hyphened compound before the noun leaves the predicate to tell the stage
  ["The chancellor said the hoped-for summit between Macron and Xi would not happen.", "summit", "unplanned"],
  // a present predicate in a clause of time or condition looks ahead; what hangs on a condition put first is possible
  ["After that summit takes place, the three leaders will meet together, Trump said.", "summit", "discussed"],
  ["If Kyiv is ready, let Zelensky come to Moscow, and the meeting will take place, Putin said.", "meeting", "discussed"],
  ["If Zelensky is ready, let him come to Moscow, Putin said.", "come", "wanted"],
  ["Russia and North Korea will defend each other if either is attacked, Putin said, crowning his first visit to the North in 24 years.", "visit", "occurred"],
  ["Zelensky, Trump wrote after their meeting broke down, had been rude.", "meeting", "occurred"],
  // setting terms for a happening does not set it; a wish to host one is the host's, who takes no part
  ["Merz said Putin was setting preconditions for a meeting with Zelensky that Kyiv could not accept.", "meeting", "discussed"],
  ["Several countries are ready to host a meeting between the Russian and Ukrainian leaders.", "meeting", "discussed"],
  // rejecting a suggestion refuses what it proposes; an offer brushed aside is refused
  ["Kyiv rejected Moscow's suggestion that Zelensky travel to Moscow.", "travel", "refused"],
  ["Zelensky brushed aside Putin's offer to receive him in Moscow.", "receive", "refused"],
  // stopping short of confirming leaves the happening open
  ["Lavrov stopped short of confirming that Putin would meet Zelensky.", "meet", "unknown"],
  // a "would" before a participle looks ahead, whoever tells it
  ["Merz recalled that Trump had said after his talks with Putin that a meeting of the two presidents would be organised within two weeks.", "meeting", "scheduled"],
  // a schedule with no room for it is no plan; what one presses another to secure is only talked of
  ["Blinken told Netanyahu that Biden's schedule would not allow for an Oval Office meeting.", "meeting", "unplanned"],
  ["The president's schedule had no room for an Oval Office visit this year.", "visit", "unplanned"],
  ["Western governments had pressed Xi for weeks to talk to Zelensky.", "talk", "discussed"],
  // no invitation given is no plan; a party that will not invite refuses
  ["Putin said Biden had not invited him to the White House.", "invited", "unplanned"],
  ["Biden said in March that he would not invite Netanyahu to the White House in the near term.", "invite", "refused"],
  // an invitation accepted is agreed; a party's reported "would" is its "will", but not after a hedge
  ["Prime Minister Benjamin Netanyahu has accepted an invitation from U.S. President Joe Biden to meet soon in the United States, his office said.", "meet", "scheduled"],
  ["Bessent said he would speak with Vice Premier He Lifeng in the coming days to prepare the ground.", "speak", "scheduled"],
  ['Donald Trump said on Wednesday there was "a good chance" he would meet Vladimir Putin very soon.', "meet", "discussed"],
  // a subject pronoun before a wish is its agent, not the name told of before it
  ["A person familiar with the call told AFP that Putin had told Trump he was willing to meet Zelensky.", "meet", "wanted"],
  // staying away from a gathering is its attendance, read as the attendance is
  ["Chinese President Xi Jinping is likely to stay away from next week's summit of Group of 20 leaders in New Delhi, officials said.", "stay", "unplanned"],
  // happenings named in one coordination share the stance of the first
  ["The White House said on Thursday that it was not planning any meeting or call between Joe Biden and Vladimir Putin.", "call", "unplanned"],
  ["Psaki said that no meeting, engagement or phone conversation between the two presidents was planned.", "engagement", "unplanned"],
  // quoted and coordinated adjectives leave a held call held
  ['Zelensky said on Wednesday he had held a "long and meaningful" phone call with Xi Jinping.', "call", "occurred"],
];

describe("stance", () => {
  it("has at least 80 sentences", () => expect(rows.length).toBeGreaterThanOrEqual(80));
  for (const [text, trigger, stance] of rows) {
    it(`${stance}: ${text}`, () => expect(mention(text, trigger, D).stance).toBe(stance));
  }
});

// [sentence, trigger, background]
const recaps: [string, string, boolean][] = [
  ["Trump, who met Kim three times in his first term, said he would meet him again.", "met", true],
  ["Kim recalled their meetings warmly in a statement.", "meetings", true],
  ["The two leaders last met in 2019 at the border village.", "met", true],
  ["Putin and Zelensky met in Paris in December 2019.", "met", true],
  ["Their only meeting so far was in Bali, on the eve of last November's G20.", "meeting", true],
  ["Biden and Putin previously met in Geneva.", "met", true],
  ["Trump and Putin met on Friday in Alaska.", "met", false],
  ["Trump said he would love to meet Kim this year.", "meet", false],
  ["The summit will take place next week.", "summit", false],
  ["Putin met Kim on Wednesday in Pyongyang.", "met", false],
  // a sentence set well before the article makes its undated happenings history, not its plans still ahead
  ["In March 2025, Biden said he would not invite Netanyahu in the near term.", "invite", true],
  ["In July 2019, Trump used a phone call to press Zelensky.", "call", true],
  ["Biden and Putin have met face to face just once as presidents.", "met", true],
  ["In September, officials said the summit would be held in the spring.", "summit", false],
  ["Officials said on Monday, a month after the two men held talks in Geneva, that a summit was likely.", "summit", false],
  // a "where" or "when" clause that tells the noun's happening as held dates it
  ["Lavrov said Kyiv had rejected everything raised at the Alaska summit, where Putin and Trump met on Aug. 15.", "summit", true],
];

describe("what is no happening of its own", () => {
  it("reads staying away from a gathering as its attendance, not as a stay", () => {
    const e = mention("Chinese President Xi Jinping is likely to stay away from next week's summit of Group of 20 leaders in New Delhi.", "stay", "2023-08-31");
    expect([e.type, e.stance, e.participants]).toEqual(["attend", "unplanned", ["person:xi-jinping"]]);
    expect(mention("Putin will stay in Moscow next week.", "stay", "2023-08-31").type).not.toBe("attend");
  });

  it("reads a participle before its noun as describing it: 'a negotiated settlement' is no negotiation", () => {
    const text = "Russia noted China's readiness to make efforts toward a negotiated settlement, after Xi Jinping's phone call with Volodymyr Zelensky on Wednesday.";
    const r = extract({ text, date: "2023-04-27" });
    expect(r.events.some((e) => e.trigger.text === "negotiated")).toBe(false);
    expect(r.events.find((e) => e.trigger.text === "call")?.participants).toEqual(["person:xi-jinping", "person:volodymyr-zelenskyy"]);
  });

  it("takes no happening for a quantified proposal, and points 'the invitation' at the nearest one, whatever its stage", () => {
    const text = "Xi spoke with Zelensky by phone on Wednesday. Zakharova accused Kyiv of rejecting every sensible initiative. Zelensky had invited Xi to Ukraine in March; Beijing has never answered the invitation publicly.";
    const r = extract({ text, date: "2023-04-27" });
    const initiative = r.events.find((e) => e.trigger.text === "initiative");
    expect(initiative?.participants ?? []).not.toContain("person:xi-jinping");
    const invitation = r.events.find((e) => e.trigger.text === "invitation")!;
    expect(invitation.type).toBe("visit");
    expect(invitation.participants).toEqual(expect.arrayContaining(["person:xi-jinping", "country:UA"]));
  });
});

describe("a noun told held only by its clause's past", () => {
  it("is the happening the article tells set for a day ahead, unless the article tells it held", () => {
    const set = "Vladimir Putin will pay a state visit to North Korea on Tuesday, the Kremlin said. The announcement said the visit was at the invitation of Kim Jong Un.";
    const visits = extract({ text: set, date: "2024-06-17" }).events.filter((e) => e.trigger.text === "visit");
    expect(visits.map((e) => e.stance)).toEqual(["scheduled", "scheduled"]);
    const held = "Vladimir Putin visited North Korea on Tuesday. The announcement said the visit was at the invitation of Kim Jong Un.";
    expect(extract({ text: held, date: "2024-06-19" }).events.find((e) => e.trigger.text === "visit")?.stance).toBe("occurred");
  });
});

describe("background", () => {
  for (const [text, trigger, background] of recaps) {
    it(`${background ? "recap" : "news"}: ${text}`, () => expect(mention(text, trigger, D).background).toBe(background));
  }
});
