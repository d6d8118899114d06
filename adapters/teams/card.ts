/**
 * The few Adaptive Card pieces the Teams replies are built from. Only elements and
 * properties that Teams renders on desktop, web and mobile at schema 1.4 are used:
 * TextBlock, FactSet, Container, Action.Submit (with an imBack so a tap sends words).
 */
import { CardFactory, type Attachment } from "botbuilder";

/** Adaptive Card schema version: Teams renders up to 1.5, mobile is only safe at 1.4. */
export const CARD_VERSION = "1.4";

/** One element of a card body (kept loose: the card is JSON for Teams, not for us). */
export type CardElement = Record<string, unknown>;

/**
 * Neutralises markdown in text from a report or a user: Teams renders a subset of
 * markdown in TextBlock and Fact values, and a report's `**good**` or `[1]` must show as
 * written. Backslash escapes are what Teams' markdown (CommonMark) honours.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/([\\`*[\]~])/g, "\\$1")
      // An underscore inside a word ("002_f7ea.txt") never starts emphasis: left as typed.
      .replace(/_/g, (u, i: number, s: string) => (/[A-Za-z0-9]/.test(s[i - 1] ?? "") && /[A-Za-z0-9]/.test(s[i + 1] ?? "") ? u : "\\_"))
      .replace(/^(\s*)([#>+])/gm, "$1\\$2")
  );
}

/** A wrapping TextBlock (unwrapped text is cut at one line on mobile). */
export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: "TextBlock", text, wrap: true, ...extra };
}

/**
 * Text as one TextBlock per line: Teams collapses single newlines inside a TextBlock,
 * and a table answer is one judgement a line.
 */
export function textLines(text: string, extra: CardElement = {}): CardElement[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => textBlock(escapeMarkdown(l), { ...(i > 0 ? { spacing: "None" } : {}), ...extra }));
}

/** A FactSet (title: value rows), the compact way Teams shows a grade table. */
export function factSet(facts: { title: string; value: string }[]): CardElement {
  return { type: "FactSet", facts: facts.map((f) => ({ title: escapeMarkdown(f.title), value: escapeMarkdown(f.value) })) };
}

/** A button that sends `words` as if the user had typed them (Teams' imBack). */
export function sayAction(title: string, words: string): CardElement {
  return { type: "Action.Submit", title: title.slice(0, 60), data: { msteams: { type: "imBack", value: words } } };
}

/** Wraps a body (and buttons) into an Adaptive Card attachment. */
export function adaptiveCard(body: CardElement[], actions: CardElement[] = [], fallbackText?: string): Attachment {
  return CardFactory.adaptiveCard({
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    // Shown by clients that cannot render the card (and read by screen readers there).
    ...(fallbackText ? { fallbackText } : {}),
    // Teams-only: use the full message width, so a FactSet's grade column is not squeezed.
    msteams: { width: "Full" },
    body,
    ...(actions.length ? { actions } : {}),
  });
}
