/**
 * Worker thread entry: extracts its share of the corpus and posts the result back
 * (structured clone keeps the shared Inspection objects shared).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { SourceFile } from "../corpus/read.js";
import { buildLexicon } from "../knowledge/lexicon.js";
import { loadVocabulary } from "../knowledge/load.js";
import { extractFiles } from "./corpus.js";

const { files, knowledgeDir } = workerData as { files: SourceFile[]; knowledgeDir?: string };
const lex = buildLexicon(knowledgeDir ? loadVocabulary(knowledgeDir) : loadVocabulary());
parentPort!.postMessage(extractFiles(files, lex));
