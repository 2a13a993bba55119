// Renders public/icon.svg to the PNG icons the web app manifest needs. Run once by hand when the
// icon changes (`node scripts/make-icons.mjs`); the PNGs are committed, so builds need no browser.
//   icon-192.png, icon-512.png     the icon as it is (transparent corners)
//   icon-maskable-512.png          full-bleed background, icon inside the 80% safe zone, so a
//                                  launcher may crop it to any shape
import { readFile, writeFile } from "node:fs/promises";
import { chromium } from "playwright-core";

const PUBLIC = new URL("../public/", import.meta.url);
const svg = await readFile(new URL("icon.svg", PUBLIC), "utf8");
// The background of the maskable icon is the icon's own blue, so the crop never shows an edge.
const background = svg.match(/<rect[^>]*fill="(#[0-9a-f]{6})"/i)?.[1];
if (!background) throw new Error("icon.svg: no background <rect fill> found");
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  for (const [name, size, fill, scale] of [
    ["icon-192.png", 192, "transparent", 1],
    ["icon-512.png", 512, "transparent", 1],
    ["icon-maskable-512.png", 512, background, 0.8],
  ]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${fill}">` +
        `<img src="${src}" width="${size * scale}" height="${size * scale}"></body>`,
    );
    await page.locator("img").evaluate((img) => img.decode());
    const png = await page.screenshot({ omitBackground: fill === "transparent" });
    await writeFile(new URL(name, PUBLIC), png);
    console.log(`${name}: ${size}x${size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}
