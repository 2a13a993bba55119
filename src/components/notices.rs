//! Dismissible notices: what a link could not express, and data that failed to load.

use crate::data::Problem;
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
        {(!load_problems.is_empty()).then(|| view! {
            <div class="notice notice-error" role="alert">
                <p class="notice-title">"Some data could not be loaded:"</p>
                <ul>{load_problems.iter().map(|p| view! { <li>{p.to_string()}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}
