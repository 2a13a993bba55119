// "Embed this view" (embed.html): the app's "Embed" button opens this page with the view's query
// string, and the view described in words in the fragment. The page writes the <iframe> code that
// shows that view, compact (`embed=1`, see src/view_state), inside another site's page, and
// previews it. A page of its own rather than part of the app, so the app's first load does not
// carry code that few visits use; the service worker keeps it for offline use like every file.

const MIN_SIZE = 280;
const MAX_SIZE = 4000;
const TITLE = "Cancer immunotherapy timeline";

// The colours the visitor chose in the app on this device (src/platform.rs, THEME_KEY).
try {
  const theme = localStorage.getItem("immunotimeline.theme");
  if (theme === "light" || theme === "dark") document.documentElement.dataset.theme = theme;
} catch {
  // Storage may be blocked; the system's setting applies.
}

// The view's parameters as the app wrote them, untouched: re-encoding them would change their
// meaning (a literal comma separates list items, `%2C` is a comma inside one).
const pairs = location.search
  .slice(1)
  .split("&")
  .filter((pair) => pair !== "" && !/^(embed|theme)(=|$)/i.test(pair));
let what = "";
try {
  what = decodeURIComponent(location.hash.slice(1)).trim().slice(0, 300);
} catch {
  // A broken fragment only loses the words.
}
const app = new URL("./", location.href).href;

/** The compact view's address, in `theme` ("" for the reader's own setting). */
function frameAddress(theme) {
  const query = [...pairs, "embed=1"];
  if (theme) query.push(`theme=${theme}`);
  return `${app}?${query.join("&")}`;
}

/** A size typed into the form: whole pixels within bounds, else `fallback`. */
function size(typed, fallback) {
  const text = typed.trim();
  if (!/^\d+$/.test(text)) return fallback;
  return Math.min(MAX_SIZE, Math.max(MIN_SIZE, Number(text)));
}

/** `text` as a double-quoted HTML attribute value. */
function attribute(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const $ = (id) => document.getElementById(id);
const [width, height, theme, code, preview, status] = ["width", "height", "theme", "code", "preview", "status"].map($);
$("back").href = pairs.length > 0 ? `./?${pairs.join("&")}` : "./";
$("what").textContent = what ? `This view: ${what}.` : "";

function update() {
  const src = frameAddress(theme.value);
  const w = size(width.value, 800);
  const h = size(height.value, 560);
  const title = what ? `${TITLE}: ${what}` : TITLE;
  code.value = `<iframe src="${attribute(src)}" width="${w}" height="${h}" title="${attribute(title)}" style="border:0" loading="lazy"></iframe>`;
  preview.width = String(w);
  preview.height = String(h);
  // Setting the same address again would reload the preview; a new address replaces the
  // frame's history entry, so Back leaves this page rather than stepping through themes.
  if (!preview.getAttribute("src")) preview.setAttribute("src", src);
  else if (preview.dataset.shown !== src) preview.contentWindow.location.replace(src);
  preview.dataset.shown = src;
  status.textContent = "";
}

$("options").addEventListener("input", update);
$("options").addEventListener("submit", (event) => event.preventDefault());
code.addEventListener("focus", () => code.select());
$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(code.value);
    status.textContent = "Code copied. Paste it into your page's HTML.";
  } catch {
    code.focus();
    status.textContent = "Copying failed; the code is selected: copy it with Ctrl+C or ⌘C.";
  }
});
update();
