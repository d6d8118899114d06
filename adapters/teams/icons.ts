/**
 * The app's two icons, committed as PNG files in adapters/teams/icons/: a magnifying glass
 * over a page. Teams wants a 192×192 colour icon (the symbol on a solid background, here
 * the default accent colour #1D5A8C) and a 32×32 outline icon (white on transparent,
 * nothing else). A council that wants its own replaces the two files, same names and sizes.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AppError } from "../../src/errors.js";

/** The icons folder, whether running from adapters/ (tests) or dist/adapters/ (built). */
function iconsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "adapters", "teams", "icons");
    if (existsSync(join(candidate, "color.png"))) return candidate;
    dir = dirname(dir);
  }
  throw new AppError("FILE_UNREADABLE", "Cannot find adapters/teams/icons/ (color.png, outline.png).", "Run the package command from the project folder, or restore the two icon files from git.");
}

/** The 192×192 colour icon. */
export function colorIcon(): Buffer {
  return readFileSync(join(iconsDir(), "color.png"));
}

/** The 32×32 outline icon. */
export function outlineIcon(): Buffer {
  return readFileSync(join(iconsDir(), "outline.png"));
}
