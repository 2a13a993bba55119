//! Dismissible notices: what a link could not express, and data that failed to load.

use super::ctx;
use crate::data::{DetailsState, Problem};
use crate::view_state::UrlProblem;
use leptos::prelude::*;

#[component]
pub fn Notices(url_problems: Vec<UrlProblem>, load_problems: Vec<Problem>) -> impl IntoView {
    let (open, set_open) = signal(!url_problems.is_empty());
    let url_messages: Vec<String> = url_problems.iter().map(UrlProblem::message).collect();
    view! {
        <Show when=move || open.get()>
            <div class="notice" role="status">
                <p class="notice-title">"This link was opened with some changes:"</p>
                <ul>
                    {url_messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}
                </ul>
                <button type="button" class="button" on:click=move |_| set_open.set(false)>
                    "Dismiss"
                </button>
            </div>
        </Show>
        <DetailsNotice />
        <AddedNotice />
        {(!load_problems.is_empty()).then(|| view! {
            <div class="notice notice-error" role="alert">
                <p class="notice-title">"Some data could not be loaded:"</p>
                <ul>{load_problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}

/// Says so when the records' summaries, sources and notes could not be fetched (offline on a
/// first visit, a broken connection, a mismatched deploy): what still works, and a way to try
/// again.
#[component]
fn DetailsNotice() -> impl IntoView {
    let ctx = ctx();
    let library = ctx.library;
    let why = Memo::new(move |_| {
        library.with(|l| match l.details() {
            DetailsState::Failed(why) => Some(why.clone()),
            _ => None,
        })
    });
    let retrying = RwSignal::new(false);
    let retry = move |_| {
        retrying.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            crate::app::load_details(library).await;
            let _ = retrying.try_set(false);
        });
    };
    move || {
        why.get().map(|why| {
            view! {
                <div class="notice notice-error" role="alert">
                    <p class="notice-title">"The records' full titles, summaries, sources and notes could not be loaded"</p>
                    <p>
                        {format!("Why: {why}. ")}
                        "Each record shows its short title; dates, filters and the timeline work; a search looks at short titles, institutions and tags only."
                    </p>
                    <button type="button" class="button" disabled=move || retrying.get() on:click=retry>
                        "Try again"
                    </button>
                </div>
            }
        })
    }
}

/// Says how many records were added since this device's last visit and offers to show just
/// them; either choice (or "Dismiss") notes today's records as seen, so it is said once.
#[component]
fn AddedNotice() -> impl IntoView {
    let ctx = ctx();
    let (added, only) = (ctx.added, ctx.only_added);
    let library = ctx.library;
    let seen = move || library.with_untracked(|l| crate::app::note_this_visit(l));
    move || {
        let count = added.with(Vec::len);
        let showing = only.get();
        (count > 0).then(|| {
            let title = match (showing, count) {
                (true, _) => format!("Showing only what is new since your last visit ({count})."),
                (false, 1) => "1 record was added since your last visit.".to_owned(),
                (false, _) => format!("{count} records were added since your last visit."),
            };
            let on_main = move |_| {
                if showing {
                    only.set(false);
                    added.set(Vec::new());
                } else {
                    seen();
                    only.set(true);
                }
            };
            view! {
                <div class="notice" role="status">
                    <p class="notice-title">{title}</p>
                    <div class="notice-actions">
                        <button type="button" class=if showing { "button" } else { "button primary" } on:click=on_main>
                            {if showing { "Show every record" } else { "Show only the new" }}
                        </button>
                        {(!showing).then(|| view! {
                            <button type="button" class="button" on:click=move |_| {
                                seen();
                                added.set(Vec::new());
                            }>"Dismiss"</button>
                        })}
                    </div>
                </div>
            }
        })
    }
}
