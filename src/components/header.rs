//! The page header: title, "Copy link", "Embed" and the dark-mode toggle.

use crate::platform;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <a class="skip-link" href="#results">"Skip to results"</a>
        <header class="site-header">
            <div class="brand">
                <h1>{crate::TITLE}</h1>
                <p class="tagline">{crate::TAGLINE}</p>
            </div>
            <HeaderActions />
        </header>
    }
}

/// The header's buttons: what the app adds to the static header of `index.html`.
#[component]
pub fn HeaderActions() -> impl IntoView {
    view! {
        <div class="header-actions">
            <CopyLink />
            <super::embed::EmbedLink />
            <ThemeToggle />
        </div>
    }
}

/// Copies the address of the current view; says so visibly and to screen readers.
#[component]
fn CopyLink() -> impl IntoView {
    let ctx = super::ctx();
    let (message, set_message) = signal(String::new());
    let copy = move |_| {
        let url = ctx.permalink();
        platform::copy_text(url.clone(), move |ok| {
            set_message.set(if ok {
                "Link copied".to_owned()
            } else {
                format!("Copy this link: {url}")
            });
            platform::after_ms(4000, move || set_message.set(String::new()));
        });
    };
    view! {
        <span class="copy-status" role="status">{move || message.get()}</span>
        <button type="button" class="button" on:click=copy>"Copy link"</button>
    }
}

/// Dark mode follows the system until the user picks; the choice is remembered on this device.
#[component]
fn ThemeToggle() -> impl IntoView {
    let (dark, set_dark) = signal(platform::is_dark());
    let toggle = move |_| {
        let next = !dark.get_untracked();
        platform::set_theme(if next { "dark" } else { "light" });
        set_dark.set(next);
    };
    view! {
        <button type="button" class="button" aria-pressed=move || dark.get().to_string() on:click=toggle>
            "Dark mode"
        </button>
    }
}
