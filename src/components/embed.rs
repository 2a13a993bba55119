//! Putting a view into another page: the header's "Embed" link, and the caption of the compact
//! view (`embed=1`) that the code written by `embed.html` shows.

use super::ctx;
use super::toolbar::filters_in_words;
use leptos::prelude::*;

/// "Embed": opens `embed.html`, a page beside the app (`public/embed.js`), with this view's
/// address and its filters in words; that page writes and previews the `<iframe>` code, so the
/// app itself carries none of it. The address is written when the link is about to be used
/// (pointed at, focused, pressed), not after every keystroke.
#[component]
pub fn EmbedLink() -> impl IntoView {
    let ctx = StoredValue::new(ctx());
    let refresh = move |ev: &web_sys::Event| {
        let link: web_sys::Element = event_target(ev);
        let href = ctx.with_value(|ctx| ctx.embed_page_href());
        crate::platform::set_attribute(&link, "href", Some(&href));
    };
    view! {
        <a
            class="button embed-link"
            href="embed.html"
            on:pointerenter=move |ev| refresh(&ev)
            on:pointerdown=move |ev| refresh(&ev)
            on:focus=move |ev| refresh(&ev)
            on:click=move |ev| refresh(&ev)
        >
            "Embed"
        </a>
    }
}

/// The compact view's caption: what the view shows, the dataset version, and the way to the
/// whole app (a new tab, so the host page stays).
#[component]
pub fn EmbedCaption() -> impl IntoView {
    let ctx = ctx();
    let version = ctx.library.with_untracked(|l| l.version().to_owned());
    let state = ctx.state;
    view! {
        <header class="embed-caption">
            <p class="embed-what">
                <strong>{crate::TITLE}</strong>
                ": "
                {move || state.with(filters_in_words)}
            </p>
            <p class="embed-version">
                "Dataset version " <code>{version}</code> ". Every record lists its sources."
            </p>
            <a
                class="button embed-open"
                href=move || ctx.full_address()
                target="_blank"
                rel="noopener"
                aria-label="Open in the full timeline (new tab)"
            >
                "Open in the full timeline ↗"
            </a>
        </header>
    }
}
