// "Export this view" downloads exactly the records the view shows, as CSV and as JSON.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { start, openApp } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += ch;
  }
  if (field !== "" || row.length) row.push(field), rows.push(row);
  return rows;
}

async function download(app, button) {
  const [file] = await Promise.all([
    app.page.waitForEvent("download"),
    app.page.getByRole("button", { name: button, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("CSV and JSON exports hold the rows of the current view, in its order", async () => {
  const app = await openApp(env, "?q=car-t&view=list", { context: await env.browser.newContext({ acceptDownloads: true }) });
  const shown = await app.waitForCount((n) => n > 0, "CAR-T results");
  const firstCards = await app.cardIds();

  const csv = await download(app, "CSV");
  assert.match(csv.name, /\.csv$/);
  const rows = parseCsv(csv.text);
  assert.equal(rows[0][0], "id");
  const ids = rows.slice(1).map((r) => r[0]);
  assert.equal(ids.length, shown, "one row per visible record");
  assert.deepEqual(ids.slice(0, firstCards.length), firstCards, "same order as the list");

  const json = await download(app, "JSON");
  const parsed = JSON.parse(json.text);
  assert.equal(parsed.schema, "immunotimeline/studies");
  assert.deepEqual(parsed.studies.map((s) => s.id), ids);

  const bib = await download(app, "BibTeX");
  assert.match(bib.text, /@(article|misc)\{/);
  await app.page.getByText(/Downloaded .*\.bib/).waitFor();
  assert.deepEqual(app.errors, []);
});
