//! The search field (`type=search`, accessible name "Search", `/` focuses it) and the sort order.

use super::ctx;
use crate::app::History;
use crate::search::Sort;
use leptos::prelude::*;

#[component]
pub fn SearchBar() -> impl IntoView {
    let ctx = ctx();
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    crate::platform::on_slash_focus(input);
    let state = ctx.state;
    let on_input = {
        let ctx = ctx.clone();
        move |ev| {
            let text = event_target_value(&ev);
            // Typing replaces the history entry; the selected study stays selected.
            ctx.update(History::Replace, |s| s.q = text);
        }
    };
    let on_sort = move |ev| {
        let sort = match event_target_value(&ev).as_str() {
            "date" => Sort::Date,
            "newest" => Sort::DateDesc,
            _ => Sort::Relevance,
        };
        ctx.update(History::Push, |s| s.sort = sort);
    };
    let sort_value = move || match state.with(|s| s.sort) {
        Sort::Relevance => "relevance",
        Sort::Date => "date",
        Sort::DateDesc => "newest",
    };
    view! {
        <div class="search-bar" role="search">
            <label for="search-input" class="search-label">"Search"</label>
            <input
                id="search-input"
                node_ref=input
                type="search"
                autocomplete="off"
                spellcheck="false"
                maxlength="200"
                placeholder="CAR-T, PD-1, Keytruda, melanoma, Rosenberg…"
                prop:value=move || state.with(|s| s.q.clone())
                on:input=on_input
            />
            <label class="sort">
                <span>"Sort"</span>
                <select on:change=on_sort prop:value=sort_value>
                    <option value="relevance">"Best match"</option>
                    <option value="date">"Oldest first"</option>
                    <option value="newest">"Newest first"</option>
                </select>
            </label>
            <span class="hint" aria-hidden="true">"Press / to search"</span>
        </div>
    }
}
