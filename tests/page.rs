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
    let script = include_str!("../public/sw-register.js");
    assert!(
        script.contains(&format!("localStorage.getItem(\"{key}\")")),
        "sw-register.js does not read {key}"
    );
}
