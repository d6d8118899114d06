import { describe, expect, it } from "vitest";
import { loadVocabulary } from "../../src/knowledge/load.js";
import { buildLexicon } from "../../src/knowledge/lexicon.js";
import { parseQuestion, type Query } from "../../src/ask/parse.js";

/**
 * Question → Query, one row a question: several phrasings per slot, and look-alikes that
 * must not fill one. Slots a row does not name must stay empty (no region, no type, no
 * framework, the default inspections, no grade, not any-area, nothing not understood).
 */
const lex = buildLexicon(loadVocabulary());

interface Want {
  intent?: Query["intent"];
  authorities?: string[];
  region?: string;
  type?: string;
  framework?: string;
  when?: Query["inspections"];
  grade?: [string[], string];
  any?: boolean;
  areas?: string[];
  change?: Query["change"];
  topic?: string[];
  not?: string[];
  services?: string[];
  /** Which fact (a facts question): its kind and, for a count, the counted words as said. */
  fact?: { kind: string; said?: string };
  timescale?: Query["timescale"];
  kind?: Query["actionKind"];
  /** "Compare all the councils": every council. */
  every?: boolean;
}

const G = (op: string, ...keys: string[]): [string[], string] => [keys, op];
const Y = (year: number): Query["inspections"] => ({ kind: "year", year });
const R = (from: number | null, to: number | null): Query["inspections"] => ({ kind: "range", from, to });
const LATEST: Query["inspections"] = { kind: "latest" };
const WITHIN = (n: number, unit: "day" | "week" | "month", working = false): Query["timescale"] => ({ kind: "within", n, unit, working });
const ALL: Query["inspections"] = { kind: "all" };
const PREVIOUS: Query["inspections"] = { kind: "previous" };
const YS = (...years: number[]): Query["inspections"] => ({ kind: "years", years });
const EARLIEST: Query["inspections"] = { kind: "earliest" };

const rows: [string, Want][] = [
  // Regions, in several words.
  ["Which councils in the North West were judged good?", { intent: "list", region: "North West", grade: G("is", "good") }],
  ["councils in the north-west rated inadequate", { intent: "list", region: "North West", grade: G("is", "inadequate") }],
  ["North West authorities judged outstanding", { intent: "list", region: "North West", grade: G("is", "outstanding") }],
  ["which north east councils were good", { intent: "list", region: "North East", grade: G("is", "good") }],
  ["Which authorities in the North-East got inadequate?", { intent: "list", region: "North East", grade: G("is", "inadequate") }],
  ["which London councils were outstanding", { intent: "list", region: "London", grade: G("is", "outstanding") }],
  ["councils in London rated good", { intent: "list", region: "London", grade: G("is", "good") }],
  ["Which councils in Greater London were inadequate?", { intent: "list", region: "London", grade: G("is", "inadequate") }],
  ["which councils in Yorkshire were good", { intent: "list", region: "Yorkshire and the Humber", grade: G("is", "good") }],
  ["Yorkshire and the Humber councils judged inadequate", { intent: "list", region: "Yorkshire and the Humber", grade: G("is", "inadequate") }],
  ["which councils in Yorkshire and Humber were outstanding", { intent: "list", region: "Yorkshire and the Humber", grade: G("is", "outstanding") }],
  ["East Midlands councils rated good", { intent: "list", region: "East Midlands", grade: G("is", "good") }],
  ["which councils in the west midlands were inadequate", { intent: "list", region: "West Midlands", grade: G("is", "inadequate") }],
  ["which councils in the Midlands were good", { intent: "list", region: "the Midlands", grade: G("is", "good") }],
  ["which councils in the East of England were good", { intent: "list", region: "East of England", grade: G("is", "good") }],
  ["councils in East Anglia judged outstanding", { intent: "list", region: "East of England", grade: G("is", "outstanding") }],
  ["which south east councils were rated inadequate", { intent: "list", region: "South East", grade: G("is", "inadequate") }],
  ["which councils in the South-West were good", { intent: "list", region: "South West", grade: G("is", "good") }],
  ["which councils in the north of England were inadequate", { intent: "list", region: "the North of England", grade: G("is", "inadequate") }],
  // Region look-alikes: authorities whose names hold region words.
  ["North East Lincolnshire overall effectiveness", { intent: "lookup", authorities: ["North East Lincolnshire"], areas: ["Overall effectiveness"] }],
  ["What was North Yorkshire's overall grade?", { intent: "lookup", authorities: ["North Yorkshire"], areas: ["Overall effectiveness"] }],
  ["West Sussex judgements", { intent: "lookup", authorities: ["West Sussex"] }],
  ["South Tyneside adoption performance", { intent: "lookup", authorities: ["South Tyneside"], areas: ["Adoption performance"] }],
  ["East Riding of Yorkshire overall effectiveness", { intent: "lookup", authorities: ["East Riding of Yorkshire"], areas: ["Overall effectiveness"] }],
  ["City of London overall effectiveness", { intent: "lookup", authorities: ["City of London"], areas: ["Overall effectiveness"] }],
  ["West Berkshire judgements", { intent: "lookup", authorities: ["West Berkshire"] }],
  ["North Somerset overall effectiveness", { intent: "lookup", authorities: ["North Somerset"], areas: ["Overall effectiveness"] }],
  ["West Northamptonshire overall effectiveness", { intent: "lookup", authorities: ["West Northamptonshire"], areas: ["Overall effectiveness"] }],
  ["Central Bedfordshire overall effectiveness", { intent: "lookup", authorities: ["Central Bedfordshire"], areas: ["Overall effectiveness"] }],
  // Council types.
  ["Which London boroughs were good?", { intent: "list", type: "London borough", grade: G("is", "good") }],
  ["london boroughs rated inadequate", { intent: "list", type: "London borough", grade: G("is", "inadequate") }],
  ["Which London borough councils were outstanding?", { intent: "list", type: "London borough", grade: G("is", "outstanding") }],
  ["metropolitan boroughs rated inadequate", { intent: "list", type: "metropolitan borough", grade: G("is", "inadequate") }],
  ["Which metropolitan councils were good?", { intent: "list", type: "metropolitan borough", grade: G("is", "good") }],
  ["which metropolitan districts were outstanding", { intent: "list", type: "metropolitan borough", grade: G("is", "outstanding") }],
  ["which mets were inadequate", { intent: "list", type: "metropolitan borough", grade: G("is", "inadequate") }],
  ["Which county councils were inadequate?", { intent: "list", type: "county", grade: G("is", "inadequate") }],
  ["which counties were good", { intent: "list", type: "county", grade: G("is", "good") }],
  ["which shire counties were outstanding", { intent: "list", type: "county", grade: G("is", "outstanding") }],
  ["Which unitary authorities were good?", { intent: "list", type: "unitary", grade: G("is", "good") }],
  ["which unitaries were inadequate", { intent: "list", type: "unitary", grade: G("is", "inadequate") }],
  ["unitary councils judged outstanding", { intent: "list", type: "unitary", grade: G("is", "outstanding") }],
  ["which unitaries in the south west were good", { intent: "list", type: "unitary", region: "South West", grade: G("is", "good") }],
  ["which metropolitan boroughs in the North West were inadequate", { intent: "list", type: "metropolitan borough", region: "North West", grade: G("is", "inadequate") }],
  ["county councils in the South East rated good", { intent: "list", type: "county", region: "South East", grade: G("is", "good") }],
  // Type look-alikes: names that hold type words are authorities.
  ["Durham County Council overall effectiveness", { intent: "lookup", authorities: ["Durham"], areas: ["Overall effectiveness"] }],
  ["County Durham judgements", { intent: "lookup", authorities: ["Durham"] }],
  ["Gateshead Metropolitan Borough Council judgements", { intent: "lookup", authorities: ["Gateshead"] }],
  ["Darlington Borough Council overall effectiveness", { intent: "lookup", authorities: ["Darlington"], areas: ["Overall effectiveness"] }],
  // Frameworks.
  ["which councils were good under the SIF", { intent: "list", framework: "SIF", grade: G("is", "good") }],
  ["Which councils were outstanding under the single inspection framework?", { intent: "list", framework: "SIF", grade: G("is", "outstanding") }],
  ["SIF inspections judged inadequate", { intent: "list", framework: "SIF", grade: G("is", "inadequate") }],
  ["which councils were inadequate under ILACS", { intent: "list", framework: "ILACS", grade: G("is", "inadequate") }],
  ["ILACS inspections rated outstanding", { intent: "list", framework: "ILACS", grade: G("is", "outstanding") }],
  ["which councils were good in their ILACS inspection", { intent: "list", framework: "ILACS", grade: G("is", "good") }],
  ["which councils were adequate under SLAC", { intent: "list", framework: "SLAC", grade: G("is", "adequate") }],
  ["which councils were good under the 2009-12 framework", { intent: "list", framework: "SLAC", grade: G("is", "good") }],
  ["which councils were inadequate under the 2013 framework", { intent: "list", framework: "SIF", grade: G("is", "inadequate") }],
  ["Warrington under the SIF", { authorities: ["Warrington"], framework: "SIF" }],
  ["What was Warrington's overall effectiveness under the SIF?", { intent: "lookup", authorities: ["Warrington"], framework: "SIF", areas: ["Overall effectiveness"] }],
  ["Halton SLAC overall effectiveness", { intent: "lookup", authorities: ["Halton"], framework: "SLAC", areas: ["Overall effectiveness"] }],
  // Framework look-alikes: the 2009-12 services are services, not the framework.
  ["stockton LAC overall effectiveness", { intent: "lookup", authorities: ["Stockton-on-Tees"], services: ["lac"] }],
  ["Halton safeguarding overall effectiveness", { intent: "lookup", authorities: ["Halton"], areas: ["Overall effectiveness"], services: ["safeguarding"] }],
  // Years and ranges.
  ["Halton staying safe in 2011", { intent: "lookup", authorities: ["Halton"], when: Y(2011), areas: ["Staying safe"] }],
  ["warrington 2011 making a positive contribution", { intent: "lookup", authorities: ["Warrington"], when: Y(2011) }],
  ["What was Derby's grade in 2014?", { intent: "lookup", authorities: ["Derby"], when: Y(2014) }],
  ["Derby's judgements during 2014", { intent: "lookup", authorities: ["Derby"], when: Y(2014) }],
  ["which councils were inadequate before 2012", { intent: "list", when: R(null, 2011), grade: G("is", "inadequate") }],
  ["which councils were good prior to 2013", { intent: "list", when: R(null, 2012), grade: G("is", "good") }],
  ["councils judged outstanding earlier than 2015", { intent: "list", when: R(null, 2014), grade: G("is", "outstanding") }],
  ["which councils were outstanding since 2015", { intent: "list", when: R(2015, null), grade: G("is", "outstanding") }],
  ["since 2015 which councils were good for adoption", { intent: "list", when: R(2015, null), grade: G("is", "good"), areas: ["Adoption performance"] }],
  ["which councils were inadequate after 2015", { intent: "list", when: R(2016, null), grade: G("is", "inadequate") }],
  ["which councils were good from 2016 onwards", { intent: "list", when: R(2016, null), grade: G("is", "good") }],
  ["which councils were good in 2016 or later", { intent: "list", when: R(2016, null), grade: G("is", "good") }],
  ["which councils were good in 2012 or earlier", { intent: "list", when: R(null, 2012), grade: G("is", "good") }],
  ["which councils were good between 2014 and 2017", { intent: "list", when: R(2014, 2017), grade: G("is", "good") }],
  ["which councils were good from 2014 to 2017", { intent: "list", when: R(2014, 2017), grade: G("is", "good") }],
  ["which councils were inadequate 2014-2017", { intent: "list", when: R(2014, 2017), grade: G("is", "inadequate") }],
  ["which councils were inadequate 2014 to 2016", { intent: "list", when: R(2014, 2016), grade: G("is", "inadequate") }],
  ["which councils were inadequate until 2013", { intent: "list", when: R(null, 2013), grade: G("is", "inadequate") }],
  ["which councils were inadequate in 2014", { intent: "list", when: Y(2014), grade: G("is", "inadequate") }],
  ["Halton judgements before 2012", { intent: "lookup", authorities: ["Halton"], when: R(null, 2011) }],
  ["Warrington overall effectiveness since 2013", { intent: "lookup", authorities: ["Warrington"], when: R(2013, null), areas: ["Overall effectiveness"] }],
  // The latest, and every inspection.
  ["What is Halton's latest overall effectiveness grade?", { intent: "lookup", authorities: ["Halton"], when: LATEST, areas: ["Overall effectiveness"] }],
  ["Derby's most recent judgements", { intent: "lookup", authorities: ["Derby"], when: LATEST }],
  // The inspection before the latest, or the first: one inspection, not every one.
  ["What was Halton's overall effectiveness at its previous inspection?", { intent: "lookup", authorities: ["Halton"], when: PREVIOUS, areas: ["Overall effectiveness"] }],
  ["What were the recommendations in the previous Halton inspection?", { intent: "actions", authorities: ["Halton"], when: PREVIOUS, kind: "recommendation" }],
  ["Halton judgements at the inspection before last", { intent: "lookup", authorities: ["Halton"], when: PREVIOUS }],
  ["which councils were inadequate at their previous inspection", { intent: "list", when: PREVIOUS, grade: G("is", "inadequate") }],
  ["Halton's first inspection grades", { intent: "lookup", authorities: ["Halton"], when: EARLIEST }],
  // "since the previous inspection" is a change from it: every inspection.
  ["Has Halton improved since the previous inspection?", { intent: "change", authorities: ["Halton"], when: ALL, change: "improved" }],
  ["which councils are currently outstanding", { intent: "list", when: LATEST, grade: G("is", "outstanding") }],
  ["which councils were good at their latest inspection", { intent: "list", when: LATEST, grade: G("is", "good") }],
  ["was any council inadequate for adoption", { intent: "list", when: ALL, grade: G("is", "inadequate"), areas: ["Adoption performance"] }],
  ["Has any council been judged outstanding?", { intent: "list", when: ALL, grade: G("is", "outstanding") }],
  ["which councils have ever been judged inadequate", { intent: "list", when: ALL, grade: G("is", "inadequate") }],
  ["which councils were previously inadequate", { intent: "list", when: ALL, grade: G("is", "inadequate") }],
  ["which councils were inadequate at any point", { intent: "list", when: ALL, grade: G("is", "inadequate") }],
  ["which councils were inadequate in any inspection", { intent: "list", when: ALL, grade: G("is", "inadequate") }],
  ["which councils were good in the past", { intent: "list", when: ALL, grade: G("is", "good") }],
  // Year look-alikes: numbers that are no year.
  ["How many case files did inspectors look at in Halton?", { intent: "facts", authorities: ["Halton"], fact: { kind: "count", said: "case files" } }],
  ["What did Ofsted tell Oxfordshire to do within three months?", { intent: "actions", authorities: ["Oxfordshire"], timescale: WITHIN(3, "month") }],
  ["What does Grade 3 mean?", { intent: "scale", grade: G("is", "adequate", "ri") }],
  ["What is grade 4?", { intent: "scale", grade: G("is", "inadequate") }],
  // Grades and operators.
  ["which councils were at least good for overall effectiveness", { intent: "list", grade: G("atLeast", "good"), areas: ["Overall effectiveness"] }],
  ["which councils were good or better", { intent: "list", grade: G("atLeast", "good") }],
  ["which councils were good or above for leadership", { intent: "list", grade: G("atLeast", "good") }],
  ["councils judged good and above", { intent: "list", grade: G("atLeast", "good") }],
  ["which councils were requires improvement or worse", { intent: "list", grade: G("atMost", "ri") }],
  ["which councils were adequate or below for staying safe", { intent: "list", grade: G("atMost", "adequate"), areas: ["Staying safe"] }],
  ["which councils were at best adequate", { intent: "list", grade: G("atMost", "adequate") }],
  ["which councils were at most requires improvement", { intent: "list", grade: G("atMost", "ri") }],
  ["which councils were better than adequate", { intent: "list", grade: G("above", "adequate") }],
  ["which councils were worse than good for adoption", { intent: "list", grade: G("below", "good"), areas: ["Adoption performance"] }],
  ["which councils were below good", { intent: "list", grade: G("below", "good") }],
  ["which councils were not good for staying safe", { intent: "list", grade: G("not", "good"), areas: ["Staying safe"] }],
  ["which councils weren't judged good", { intent: "list", grade: G("not", "good") }],
  ["Which councils were never inadequate?", { intent: "list", grade: G("not", "inadequate") }],
  ["which councils were rated other than outstanding", { intent: "list", grade: G("not", "outstanding") }],
  ["which councils were good or outstanding", { intent: "list", grade: G("is", "good", "outstanding") }],
  ["which councils were outstanding or good for adoption", { intent: "list", grade: G("is", "outstanding", "good"), areas: ["Adoption performance"] }],
  ["which councils require improvement", { intent: "list", grade: G("is", "ri") }],
  ["which councils were judged requires improvement to be good", { intent: "list", grade: G("is", "ri") }],
  ["which councils got grade 4 for adoption", { intent: "list", grade: G("is", "inadequate"), areas: ["Adoption performance"] }],
  // Grade look-alikes: "good" in other senses stays a grade only where it is one.
  ["Good morning", { intent: "help" }],
  ["What grades can Ofsted give?", { intent: "scale" }],
  ["How good was Halton?", { intent: "lookup", authorities: ["Halton"], grade: G("is", "good") }],
  // Any area.
  ["which councils got an adequate grade", { intent: "list", grade: G("is", "adequate"), any: true }],
  ["which councils had any inadequate judgements", { intent: "list", grade: G("is", "inadequate"), any: true }],
  ["which councils were inadequate in any area", { intent: "list", grade: G("is", "inadequate"), any: true }],
  ["which councils got an outstanding rating", { intent: "list", grade: G("is", "outstanding"), any: true }],
  ["which councils were inadequate for anything", { intent: "list", grade: G("is", "inadequate"), any: true }],
  ["which councils had at least one inadequate judgement", { intent: "list", grade: G("is", "inadequate"), any: true }],
  ["Did Oxfordshire get inadequate for anything?", { intent: "lookup", authorities: ["Oxfordshire"], grade: G("is", "inadequate"), any: true }],
  ["Does Halton have any inadequate judgements?", { intent: "lookup", authorities: ["Halton"], grade: G("is", "inadequate"), any: true }],
  ["which councils got a requires improvement grade", { intent: "list", grade: G("is", "ri"), any: true }],
  ["which councils got an adequate grade excluding health", { intent: "list", grade: G("is", "adequate"), any: true, areas: [] }],
  ["which councils had an inadequate judgement other than leadership", { intent: "list", grade: G("is", "inadequate"), any: true, areas: [] }],
  ["which councils were good excluding adoption", { intent: "list", grade: G("is", "good"), areas: [] }],
  // Any-area look-alikes: "all areas" is no "any area", and is not understood.
  ["which councils were good for all areas", { intent: "list", grade: G("is", "good"), not: ["all"] }],
  ["which councils were good in every area", { intent: "list", grade: G("is", "good"), not: ["every"] }],
  // Counts.
  ["how many London boroughs were inadequate", { intent: "count", type: "London borough", grade: G("is", "inadequate") }],
  ["How many councils were judged outstanding?", { intent: "count", grade: G("is", "outstanding") }],
  ["how many authorities in the North West were good", { intent: "count", region: "North West", grade: G("is", "good") }],
  ["number of county councils rated inadequate", { intent: "count", type: "county", grade: G("is", "inadequate") }],
  ["how many councils were good for adoption since 2015", { intent: "count", grade: G("is", "good"), when: R(2015, null), areas: ["Adoption performance"] }],
  ["how many metropolitan boroughs were at least good", { intent: "count", type: "metropolitan borough", grade: G("atLeast", "good") }],
  ["how many unitaries got an inadequate grade", { intent: "count", type: "unitary", grade: G("is", "inadequate"), any: true }],
  ["how many councils were inadequate under the SIF", { intent: "count", framework: "SIF", grade: G("is", "inadequate") }],
  // Count look-alikes: counts of inspection activity are facts.
  ["How many inspectors were there in Durham?", { intent: "facts", authorities: ["Durham"], fact: { kind: "count", said: "inspectors" } }],
  ["how many children were seen in Halton", { intent: "facts", authorities: ["Halton"], fact: { kind: "count", said: "children" } }],
  ["How many reports are there?", { intent: "coverage" }],
  ["Which councils do you have reports for?", { intent: "coverage" }],
  ["Which London boroughs do you have reports for?", { intent: "coverage", type: "London borough" }],
  ["which councils in the north west do you have reports for", { intent: "coverage", region: "North West" }],
  // Mentions.
  ["which reports mention private fostering", { intent: "mentions", topic: ["private", "fostering"] }],
  ["Which reports mention return home interviews?", { intent: "mentions", topic: ["return", "home", "interviews"] }],
  ["which councils' reports mention the virtual school", { intent: "mentions", topic: ["virtual", "school"] }],
  ["do any reports mention child sexual exploitation", { intent: "mentions", when: ALL, topic: ["child", "sexual", "exploitation"] }],
  ["which reports talk about early help", { intent: "mentions", topic: ["early", "help"] }],
  ["which reports refer to corporate parenting", { intent: "mentions", topic: ["corporate", "parenting"] }],
  ["How many reports mention private fostering?", { intent: "mentions", topic: ["private", "fostering"] }],
  ["which London boroughs' reports mention gangs", { intent: "mentions", type: "London borough", topic: ["gangs"] }],
  ["which reports since 2015 mention private fostering", { intent: "mentions", when: R(2015, null), topic: ["private", "fostering"] }],
  ["which councils were told to improve return home interviews", { intent: "mentions", topic: ["return", "home", "interviews"] }],
  ["which councils were asked to improve pathway plans", { intent: "mentions", topic: ["pathway", "plans"] }],
  ["Which councils were recommended to improve supervision?", { intent: "mentions", topic: ["supervision"] }],
  // Mentions look-alikes: one council's words are a search, one council's recommendations are actions.
  ["What did the Durham report say about elected members?", { intent: "search", authorities: ["Durham"] }],
  ["What did Ofsted recommend for Halton?", { intent: "actions", authorities: ["Halton"], kind: "recommendation" }],
  ["What areas for development were identified in Halton?", { intent: "actions", authorities: ["Halton"], kind: "area-for-improvement" }],
  ["What did Ofsted tell Halton to improve?", { intent: "actions", authorities: ["Halton"] }],
  ["What did inspectors ask Derby to improve?", { intent: "actions", authorities: ["Derby"] }],
  ["What needs to improve in Halton?", { intent: "actions", authorities: ["Halton"] }],
  // Change over time.
  ["has Manchester improved since 2014", { intent: "change", authorities: ["Manchester"], change: "improved", when: R(2014, null) }],
  ["did Derby get better", { intent: "change", authorities: ["Derby"], change: "improved" }],
  ["Has Warrington got worse?", { intent: "change", authorities: ["Warrington"], change: "declined" }],
  ["How have Essex's grades changed over time?", { intent: "change", authorities: ["Essex"], change: "changed" }],
  ["Did Sheffield decline between inspections?", { intent: "change", authorities: ["Sheffield"], change: "declined" }],
  ["which councils got worse between inspections", { intent: "change", change: "declined" }],
  ["which councils improved", { intent: "change", change: "improved" }],
  ["which councils improved on adoption", { intent: "change", change: "improved", areas: ["Adoption performance"] }],
  ["which councils declined for help and protection", { intent: "change", change: "declined", areas: ["Children who need help and protection"] }],
  ["which councils have deteriorated", { intent: "change", change: "declined" }],
  ["which London boroughs improved", { intent: "change", type: "London borough", change: "improved" }],
  ["which councils in the north west got better", { intent: "change", region: "North West", change: "improved" }],
  ["which councils improved between their last two inspections", { intent: "change", change: "improved", when: ALL }],
  ["How did Sheffield do in its last two inspections?", { intent: "lookup", authorities: ["Sheffield"], when: ALL }],
  ["Essex grades at every inspection", { intent: "lookup", authorities: ["Essex"], when: ALL }],
  // Change look-alikes: "requires improvement" is a grade; "to improve" is an action.
  ["which councils require improvement to be good", { intent: "list", grade: G("is", "ri") }],
  ["What should Halton do to improve?", { intent: "actions", authorities: ["Halton"] }],
  ["Halton areas for improvement", { intent: "actions", authorities: ["Halton"], kind: "area-for-improvement" }],
  ["Halton capacity for improvement", { intent: "lookup", authorities: ["Halton"], areas: ["Capacity for improvement"] }],
  // Not understood: a condition no slot knows must come back, not vanish.
  ["which rural councils were good", { intent: "list", grade: G("is", "good"), not: ["rural"] }],
  ["which coastal councils were inadequate", { intent: "list", grade: G("is", "inadequate"), not: ["coastal"] }],
  ["which councils were good for fostering", { intent: "list", grade: G("is", "good"), not: ["fostering"] }],
  ["which inner London boroughs were good", { intent: "list", type: "London borough", grade: G("is", "good"), not: ["inner"] }],
  ["which councils with large populations were outstanding", { intent: "list", grade: G("is", "outstanding"), not: ["large", "populations"] }],
  ["which councils had the most outstanding grades", { intent: "list", grade: G("is", "outstanding"), not: ["most"] }],
  ["which councils were outstanding for staying safe but not for being healthy", { intent: "list", grade: G("is", "outstanding"), not: ["not"] }],
  ["which Labour councils were inadequate", { intent: "list", grade: G("is", "inadequate"), not: ["labour"] }],
  ["which councils in the north were inadequate", { intent: "list", grade: G("is", "inadequate"), not: ["north"] }],
  ["which councils were good in the last three years", { intent: "list", grade: G("is", "good"), not: ["three", "years"] }],
  ["Compare Durham and Halton on fostering", { intent: "compare", authorities: ["Durham", "Halton"], not: ["fostering"] }],
  // Two conditions where one is held: said, not merged.
  ["which councils were good for overall effectiveness but inadequate for adoption", { intent: "list", grade: G("is", "good", "inadequate"), not: ["inadequate"] }],
  // Two years named apart are two inspections (a list cannot hold both: its handler says so), never one year and a dropped one.
  ["which councils were good in 2011 and 2016", { intent: "list", grade: G("is", "good"), when: YS(2011, 2016) }],
  ["Halton overall effectiveness 2011 and 2016", { intent: "lookup", authorities: ["Halton"], when: YS(2011, 2016), areas: ["Overall effectiveness"] }],
  ["Was Halton's 2011 grade the same as its 2016 grade?", { intent: "lookup", authorities: ["Halton"], when: YS(2011, 2016) }],
  ["Compare Derby's 2011 and 2017 inspections", { intent: "compare", authorities: ["Derby"], when: YS(2011, 2017) }],
  // "Go from … to …", "how did … change": a change; "asked … to change" is an action.
  ["Did Derby's overall effectiveness go from good to outstanding?", { intent: "change", authorities: ["Derby"], areas: ["Overall effectiveness"], change: "changed" }],
  ["How did Halton's staying safe grade change?", { intent: "change", authorities: ["Halton"], areas: ["Staying safe"], change: "changed" }],
  ["What did Ofsted ask Halton to change?", { intent: "actions", authorities: ["Halton"] }],
  // Which fact: a count (the counted words as said), the publication, the council report's date, the dates.
  ["number of social workers interviewed in Derby", { intent: "facts", authorities: ["Derby"], fact: { kind: "count", said: "social workers" } }],
  ["How many inspectors took part in Hull's inspection?", { intent: "facts", authorities: ["Kingston upon Hull"], fact: { kind: "count", said: "inspectors" } }],
  ["When was the Hull inspection report published?", { intent: "facts", authorities: ["Kingston upon Hull"], fact: { kind: "published" } }],
  ["When did Halton's cabinet meeting discuss the report?", { intent: "facts", authorities: ["Halton"], fact: { kind: "reportDate" } }],
  ["When was Norfolk inspected?", { intent: "facts", authorities: ["Norfolk"], fact: { kind: "dates" } }],
  // Fact look-alikes: a count of councils is a count question, with no fact.
  ["How many county councils were judged good?", { intent: "count", type: "county", grade: G("is", "good") }],
  // Timescales of actions, as values: "within 6 months" is "within six months".
  ["What must Bristol do immediately?", { intent: "actions", authorities: ["Bristol"], timescale: { kind: "immediately" } }],
  ["What does Bolton have to do in the next six months?", { intent: "actions", authorities: ["Bolton"], timescale: WITHIN(6, "month") }],
  ["Halton recommendations within 6 months", { intent: "actions", authorities: ["Halton"], timescale: WITHIN(6, "month"), kind: "recommendation" }],
  ["What must Norfolk do within 70 working days?", { intent: "actions", authorities: ["Norfolk"], timescale: WITHIN(70, "day", true) }],
  ["What should Derby do over the coming three months?", { intent: "actions", authorities: ["Derby"], timescale: WITHIN(3, "month") }],
  ["What has Halton got to do within a month?", { intent: "actions", authorities: ["Halton"], timescale: WITHIN(1, "month") }],
  // Timescale look-alikes: a span that is no deadline, a year.
  ["How many inspectors were on site for 5 days in Halton?", { intent: "facts", authorities: ["Halton"] }],
  ["What did Ofsted tell Halton to do in 2011?", { intent: "actions", authorities: ["Halton"], when: Y(2011) }],
  // Kinds of action.
  ["What is the deadline for Hull's post-inspection action plan?", { intent: "actions", authorities: ["Kingston upon Hull"], kind: "deadline" }],
  ["when is warrington's plan due", { intent: "actions", authorities: ["Warrington"], kind: "deadline" }],
  ["What recommendations did Ofsted make to Telford?", { intent: "actions", authorities: ["Telford and Wrekin"], kind: "recommendation" }],
  // Every council in a comparison; "all areas" is no council.
  ["compare every authority on adoption", { intent: "compare", areas: ["Adoption performance"], every: true }],
  ["Compare each council on care leavers", { intent: "compare", every: true }],
  ["Compare Durham and Halton on all areas", { intent: "compare", authorities: ["Durham", "Halton"], not: ["all"] }],
  ["compare Halton on every judgement", { intent: "compare", authorities: ["Halton"], not: ["every"] }],
  // Staff's own words (test/fixtures/phrasings.jsonl): a grade in the past tense, short names for places, more ways to say change.
  ["which councils required improvement to be good", { intent: "list", grade: G("is", "ri") }],
  ["Which mets in the North West required improvement to be good?", { intent: "list", type: "metropolitan borough", region: "North West", grade: G("is", "ri") }],
  ["which councils in yorks were outstanding", { intent: "list", region: "Yorkshire and the Humber", grade: G("is", "outstanding") }],
  ["How many met councils were rated requires improvement?", { intent: "count", type: "metropolitan borough", grade: G("is", "ri") }],
  ["Did Sheffield go downhill?", { intent: "change", authorities: ["Sheffield"], change: "declined" }],
  ["Did Sheffield's adoption grade drop?", { intent: "change", authorities: ["Sheffield"], change: "declined", areas: ["Adoption performance"] }],
  ["has Halton's overall grade fallen", { intent: "change", authorities: ["Halton"], change: "declined", areas: ["Overall effectiveness"] }],
  ["Has Essex got better since its last inspection?", { intent: "change", authorities: ["Essex"], change: "improved", when: ALL }],
  ["How did Halton do compared with its previous inspection?", { intent: "lookup", authorities: ["Halton"], when: ALL }],
  ["which councils were asked to sort out supervision", { intent: "mentions", topic: ["supervision"] }],
  ["which councils were told to get better at return home interviews", { intent: "mentions", topic: ["return", "home", "interviews"] }],
  ["Which councils got an inadequate grade for anything?", { intent: "list", grade: G("is", "inadequate"), any: true }],
  ["Which councils have at some point been good for adoption?", { intent: "list", when: ALL, grade: G("is", "good"), areas: ["Adoption performance"] }],
  ["which councils were at one time inadequate", { intent: "list", when: ALL, grade: G("is", "inadequate") }],
  // Their look-alikes: "required to" is being told; "at its last inspection" is the latest; "met" a verb; "work" after the verb is the topic.
  ["which councils were required to improve supervision", { intent: "mentions", topic: ["supervision"] }],
  ["What was Halton's overall grade at its last inspection?", { intent: "lookup", authorities: ["Halton"], when: LATEST, areas: ["Overall effectiveness"] }],
  ["How many children were met by inspectors in Halton?", { intent: "facts", authorities: ["Halton"], fact: { kind: "count", said: "children" } }],
  ["which councils were told to improve life story work", { intent: "mentions", topic: ["life", "story", "work"] }],
  // Plain lookups and lists fill nothing else.
  ["What was Halton's Staying safe grade?", { intent: "lookup", authorities: ["Halton"], areas: ["Staying safe"] }],
  ["Derby", { authorities: ["Derby"] }],
  ["How did Oxfordshire do?", { intent: "lookup", authorities: ["Oxfordshire"] }],
  ["durham stayin safe", { authorities: ["Durham"], areas: ["Staying safe"] }],
  ["oxon overall effectivness safeguarding", { authorities: ["Oxfordshire"], areas: ["Overall effectiveness"], services: ["safeguarding"] }],
  ["Which authorities were rated outstanding for leadership and management?", { intent: "list", grade: G("is", "outstanding"), areas: ["Leadership and management"] }],
  ["Which councils were good for overall effectiveness?", { intent: "list", grade: G("is", "good"), areas: ["Overall effectiveness"] }],
  ["list the councils judged inadequate for help and protection", { intent: "list", grade: G("is", "inadequate"), areas: ["Children who need help and protection"] }],
  ["Compare Durham and Halton on overall effectiveness", { intent: "compare", authorities: ["Durham", "Halton"], areas: ["Overall effectiveness"] }],
  ["Durham vs Halton", { intent: "compare", authorities: ["Durham", "Halton"] }],
  ["Compare all the councils on overall effectiveness", { intent: "compare", areas: ["Overall effectiveness"], every: true }],
  ["When was Halton's report published?", { intent: "facts", authorities: ["Halton"], fact: { kind: "published" } }],
  ["When did the inspection of Derby take place?", { intent: "facts", authorities: ["Derby"], fact: { kind: "dates" } }],
  ["Who was the lead inspector for Durham?", { intent: "facts", authorities: ["Durham"], fact: { kind: "lead" } }],
  ["Who led the inspection of Derby?", { intent: "facts", authorities: ["Derby"], fact: { kind: "lead" } }],
  ["Who inspected Halton in 2011?", { intent: "facts", authorities: ["Halton"], fact: { kind: "lead" }, when: Y(2011) }],
  ["Which HMI led the Stockton inspection?", { intent: "facts", authorities: ["Stockton-on-Tees"], fact: { kind: "lead" } }],
  ["Who was Halton's director of children's services?", { intent: "search", authorities: ["Halton"] }],
  // An inspection still to come: a fact no report holds, never the last inspection's dates.
  ["When is the next inspection of Halton?", { intent: "facts", authorities: ["Halton"], fact: { kind: "next" } }],
  ["In which month was Derby inspected?", { intent: "facts", authorities: ["Derby"], fact: { kind: "dates" } }],
  ["Over what period did Ofsted inspect Halton?", { intent: "facts", authorities: ["Halton"], fact: { kind: "dates" } }],
  ["Is Halton better than at its last inspection?", { intent: "change", authorities: ["Halton"], when: ALL, change: "improved" }],
  ["Who was the deputy lead inspector in Durham?", { intent: "search", authorities: ["Durham"] }],
  ["Who was in charge of the Derby inspection?", { intent: "facts", authorities: ["Derby"], fact: { kind: "lead" } }],
  ["When will Ofsted next inspect Derby?", { intent: "facts", authorities: ["Derby"], fact: { kind: "next" } }],
  ["When is Durham due to be inspected?", { intent: "facts", authorities: ["Durham"], fact: { kind: "next" } }],
  ["What are the next steps for Halton?", { intent: "search", authorities: ["Halton"] }],
  // Other ways of asking what must improve.
  ["What did inspectors say Derby must improve?", { intent: "actions", authorities: ["Derby"] }],
  ["What improvements were asked of Halton?", { intent: "actions", authorities: ["Halton"] }],
  ["What are the improvement areas for Durham?", { intent: "actions", authorities: ["Durham"] }],
  ["What did Ofsted find needed improving in Oxfordshire?", { intent: "actions", authorities: ["Oxfordshire"] }],
  ["What improved in Durham?", { intent: "change", authorities: ["Durham"], change: "improved" }],
  ["What did the Oxfordshire report say about missing children?", { intent: "search", authorities: ["Oxfordshire"] }],
  ["help", { intent: "help" }],
  ["What was Derby's fostering grade?", { intent: "lookup", authorities: ["Derby"], topic: ["fostering"] }],
  ["Which of Halton's grades were outstanding?", { intent: "lookup", authorities: ["Halton"], grade: G("is", "outstanding") }],
  ["Is Derby outstanding?", { intent: "lookup", authorities: ["Derby"], grade: G("is", "outstanding") }],
  ["Was Halton good for staying safe in 2011?", { intent: "lookup", authorities: ["Halton"], grade: G("is", "good"), when: Y(2011), areas: ["Staying safe"] }],
  ["Kingston overall effectiveness", { areas: ["Overall effectiveness"] }],
  ["Which councils were outstanding for making a positive contribution?", { intent: "list", grade: G("is", "outstanding") }],
  ["which councils were outstanding for adoption in 2016", { intent: "list", grade: G("is", "outstanding"), when: Y(2016), areas: ["Adoption performance"] }],
  ["which councils in London were good for care leavers since 2018", { intent: "list", region: "London", grade: G("is", "good"), when: R(2018, null) }],
  ["Which SIF councils in the North West were inadequate for leadership?", { intent: "list", framework: "SIF", region: "North West", grade: G("is", "inadequate") }],
  ["which London boroughs were at least good under ILACS since 2019", { intent: "list", type: "London borough", framework: "ILACS", grade: G("atLeast", "good"), when: R(2019, null) }],
];

describe("question → Query", () => {
  it("has at least 200 rows", () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
  });
  for (const [question, want] of rows) {
    it(question, () => {
      const q = parseQuestion(question, lex);
      if (want.intent) expect(q.intent, "intent").toBe(want.intent);
      if (want.authorities) expect(q.authorities, "authorities").toEqual(want.authorities);
      expect(q.region?.name ?? null, "region").toBe(want.region ?? null);
      expect(q.councilType, "council type").toBe(want.type ?? null);
      expect(q.framework, "framework").toBe(want.framework ?? null);
      expect(q.inspections, "inspections").toEqual(want.when ?? { kind: "default" });
      expect(q.grade ? [q.grade.keys, q.grade.op] : null, "grade").toEqual(want.grade ?? null);
      expect(q.anyArea, "any area").toBe(want.any ?? false);
      if (want.areas) expect(q.areas.map((m) => m.value[0].name), "areas").toEqual(want.areas);
      if (want.services) expect(q.services.map((s) => s.id), "services").toEqual(want.services);
      if (want.change !== undefined) expect(q.change, "change").toBe(want.change);
      if (want.topic) expect(q.topic, "topic").toEqual(want.topic);
      expect(q.notUnderstood, "not understood").toEqual(want.not ?? []);
      if (want.fact) expect(q.fact, "fact").toMatchObject(want.fact);
      else if (q.intent !== "facts") expect(q.fact, "fact").toBeNull();
      expect(q.timescale, "timescale").toEqual(want.timescale ?? null);
      expect(q.actionKind, "kind of action").toBe(want.kind ?? null);
      expect(q.everyCouncil, "every council").toBe(want.every ?? false);
    });
  }
});

describe("mentions read area and grade words as what to look for", () => {
  it("'mention adoption' looks for adoption, not the adoption judgement", () => {
    const q = parseQuestion("which reports mention adoption", lex);
    expect([q.intent, q.areas.length, q.topic]).toEqual(["mentions", 0, ["adoption"]]);
  });
  it("'children's homes' looks for children's homes, not any homes", () => {
    expect(parseQuestion("Which reports mention children's homes?", lex).topicPhrase).toEqual(["children", "homes"]);
    expect(parseQuestion("Which reports mention unregistered children's homes?", lex).topicPhrase).toEqual(["unregistered", "children", "homes"]);
    expect(parseQuestion("Which councils were told to improve young people's access to advocacy?", lex).topicPhrase).toEqual(["young", "people", "access", "to", "advocacy"]);
  });
  it("'good practice in early help' keeps its small words for the phrase and fills no grade", () => {
    const q = parseQuestion("Which reports mention good practice in early help?", lex);
    expect(q.grade).toBeNull();
    expect(q.topicPhrase).toEqual(["good", "practice", "in", "early", "help"]);
  });
});
