// A researcher imports a few thousand records of their own while a search is typed in. The
// records are there at once; the search says it is being prepared (their text is indexed in
// slices, so the page keeps answering) and then shows the match, with nothing lost.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openApp } from "./helpers.mjs";

/** More records than the app indexes in one go (`library::INDEX_AT_ONCE` is 2,000). */
const RECORDS = 3000;
const NEEDLE = 1234;

function bulkCsv() {
  const rows = ["id,title,date,approaches,stage,summary,status,sources"];
  for (let i = 0; i < RECORDS; i += 1) {
    const title = i === NEEDLE ? "Zebrafish xenograft notes" : `Bulk record ${i} on quokka antigens`;
    const year = 1990 + (i % 35);
    rows.push(
      `bulk-${i},${title},${year},car-t,preclinical,Lab notes number ${i} from our own work.,unverified,Lab notebook`,
    );
  }
  return Buffer.from(rows.join("\n") + "\n");
}

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("a large import is searchable while it is indexed and after", async () => {
  const app = await openApp(env, "?view=list");
  const { page } = app;
  const bundled = await app.count();
  // Every text the live count shows, in order.
  await page.evaluate(() => {
    window.__counts = [];
    const status = document.querySelector(".result-count");
    const note = () => {
      if (status.textContent !== window.__counts.at(-1)) window.__counts.push(status.textContent);
    };
    new MutationObserver(note).observe(status, { subtree: true, childList: true, characterData: true });
  });

  await app.search("zebrafish");
  await app.waitForCount((n) => n === 0, "no bundled record about zebrafish");
  await page
    .locator(".drop-zone input[type=file]")
    .setInputFiles({ name: "bulk.csv", mimeType: "text/csv", buffer: bulkCsv() });
  await page.getByRole("button", { name: `Import ${RECORDS} records` }).click();

  await app.waitForCount((n) => n === 1, "the one imported record about zebrafish");
  assert.deepEqual(await app.cardIds(), [`bulk-${NEEDLE}`]);
  const counts = await page.evaluate(() => window.__counts);
  const preparing = counts.indexOf("Preparing search…");
  assert.ok(preparing >= 0, `the search said it was being prepared: ${JSON.stringify(counts)}`);
  assert.equal(counts.at(-1), `1 of ${bundled + RECORDS} studies`);
  assert.equal(await page.locator(".preparing").count(), 0, "the progress is gone");

  await app.search("");
  await app.waitForCount((n) => n === bundled + RECORDS, "every record");
  await app.search("quokka");
  await app.waitForCount((n) => n === RECORDS - 1, "the bulk records by their words");
  assert.deepEqual(app.errors, []);
});
