//! `index.html`: what the page shows before the app starts.
#![cfg(not(target_arch = "wasm32"))]

const INDEX_HTML: &str = include_str!("../index.html");

/// The page's static header has the app's heading and tagline, which the app shows itself when
/// it is mounted somewhere without that header (as in the browser tests).
#[test]
fn the_static_header_shows_the_apps_heading_and_tagline() {
    let shell = INDEX_HTML
        .split_once(r#"<header class="site-header" id="site-header">"#)
        .map(|(_, rest)| rest)
        .expect("index.html has the header the app adds its buttons to");
    assert!(
        shell.contains(&format!("<h1>{}</h1>", immunotimeline::TITLE)),
        "the shell's <h1> is not TITLE"
    );
    assert!(
        shell.contains(&format!(
            r#"<p class="tagline">{}</p>"#,
            immunotimeline::TAGLINE
        )),
        "the shell's tagline is not TAGLINE"
    );
}

/// `sw-register.js` applies the saved theme before the app starts; it must read the key the app
/// writes.
#[test]
fn the_early_theme_script_reads_the_apps_theme_key() {
    let platform = include_str!("../src/platform.rs");
    let key = platform
        .split_once("const THEME_KEY: &str = \"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(key, _)| key)
        .expect("platform.rs defines THEME_KEY");
    for (name, script) in [
        ("sw-register.js", include_str!("../public/sw-register.js")),
        ("embed.js", include_str!("../public/embed.js")),
    ] {
        assert!(
            script.contains(&format!("localStorage.getItem(\"{key}\")")),
            "{name} does not read {key}"
        );
    }
}

/// The "Embed this view" page has a small stylesheet of its own; its colours are the app's.
#[test]
fn the_embed_page_uses_the_apps_colours() {
    let embed = include_str!("../public/embed.css");
    let value = |css: &str, block_start: &str, name: &str| -> String {
        let block = &css[css.find(block_start).expect(block_start)..];
        let block = &block[..block.find('}').expect("a closed block")];
        let at = block
            .find(&format!("--{name}:"))
            .unwrap_or_else(|| panic!("--{name} in {block_start}"));
        block[at..]
            .split([';', '\n'])
            .next()
            .unwrap()
            .trim()
            .to_owned()
    };
    for name in ["bg", "surface", "text", "muted", "line", "accent", "focus"] {
        for block in [":root {", ":root[data-theme=\"dark\"] {"] {
            assert_eq!(
                value(embed, block, name),
                value(STYLE_CSS, block, name),
                "--{name} in {block}"
            );
        }
    }
}

const STYLE_CSS: &str = include_str!("../public/style.css");

/// The colour a rule `selector { --ap: #rrggbb; }` of the stylesheet gives, if it has one.
fn approach_colour(selector: &str) -> Option<(f64, f64, f64)> {
    let rule = format!("{selector} {{ --ap: #");
    let at = STYLE_CSS.find(&rule)? + rule.len();
    let hex = STYLE_CSS.get(at..at + 6)?;
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok().map(f64::from);
    Some((channel(0)?, channel(2)?, channel(4)?))
}

/// WCAG 2 contrast ratio of two sRGB colours.
fn contrast(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let luminance = |(r, g, b): (f64, f64, f64)| {
        let f = |c: f64| {
            let c = c / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Every approach has a colour in both themes with WCAG AA contrast (4.5:1, enough even for
/// text) against the page and card backgrounds of that theme.
#[test]
fn every_approach_colour_passes_aa_contrast_in_light_and_dark() {
    use immunotimeline::data::Approach;
    let light = [
        (0xfb as f64, 0xfa as f64, 0xf7 as f64),
        (255.0, 255.0, 255.0),
    ];
    let dark = [
        (0x12 as f64, 0x14 as f64, 0x18 as f64),
        (0x1b as f64, 0x1e as f64, 0x24 as f64),
    ];
    for approach in Approach::ALL {
        let class = format!(".ap-{}", approach.slug());
        let day = approach_colour(&class).unwrap_or_else(|| panic!("no light colour for {class}"));
        let night = approach_colour(&format!(":root[data-theme=\"dark\"] {class}"))
            .unwrap_or_else(|| panic!("no dark colour for {class}"));
        let system_dark = approach_colour(&format!("  :root:not([data-theme=\"light\"]) {class}"));
        assert_eq!(
            system_dark,
            Some(night),
            "{class}: the two dark rules differ"
        );
        for background in light {
            assert!(contrast(day, background) >= 4.5, "{class} in light mode");
        }
        for background in dark {
            assert!(contrast(night, background) >= 4.5, "{class} in dark mode");
        }
    }
}
