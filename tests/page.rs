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
