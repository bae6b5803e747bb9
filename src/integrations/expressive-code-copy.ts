import { pluginFrames, type ExpressiveCodePlugin } from 'astro-expressive-code';
import { transformSync } from 'esbuild';

/**
 * The copy button's script, in place of Expressive Code's. Expressive Code keeps a second copy of
 * every block in the button's `data-code` attribute, which on a page of commands (the build guide)
 * costs half a kilobyte gzip; this script reads the text from the rendered lines instead, so
 * `validHtml()` drops the attribute. One listener on the document serves every button. Like
 * Expressive Code's, it leaves out comment lines of terminal blocks (they explain, they are not
 * commands) and shows the button's `data-copied` text in the block's live region.
 */
export const COPY_SCRIPT = `
const codeOf = (frame) => {
  const code = [...frame.querySelectorAll('pre > code > .ec-line')].map((line) => line.textContent).join('\\n');
  return frame.classList.contains('is-terminal') ? code.replace(/(?<=^|\\n)\\s*#.*($|\\n+)/g, '').trim() : code;
};
document.addEventListener('click', async (event) => {
  const button = event.target instanceof Element && event.target.closest('.expressive-code .copy button');
  if (!button) return;
  try {
    await navigator.clipboard.writeText(codeOf(button.closest('.frame')));
  } catch {
    return;
  }
  const live = button.parentElement.querySelector('[aria-live]');
  if (!live || live.firstChild) return;
  const note = document.createElement('div');
  note.className = 'feedback';
  note.textContent = button.dataset.copied;
  live.append(note);
  note.offsetWidth;
  note.classList.add('show');
  setTimeout(() => note.classList.remove('show'), 1500);
  setTimeout(() => note.remove(), 2500);
});
`;

/** Expressive Code's frames (titles, terminal windows, the copy button) with the script above. */
export function framesWithCopyScript(): ExpressiveCodePlugin {
  // Expressive Code ships module text as written: minified here, it is 0.2 KB gzip lighter.
  const script = transformSync(COPY_SCRIPT, { minify: true, target: 'es2022' }).code;
  return { ...pluginFrames(), jsModules: [script] };
}
