//! When nothing matches: say which filter removed everything and offer to relax it. And while
//! a large set of records is still being indexed for search: say so, and how far it is.

use super::ctx;
use super::toolbar::chip_list;
use crate::app::History;
use leptos::prelude::*;

#[component]
pub fn EmptyState() -> impl IntoView {
    let ctx = ctx();
    let suggestions = {
        let ctx = ctx.clone();
        move || {
            let state = ctx.state.get();
            let results = ctx.results.get_untracked();
            // Try removing each active filter on its own; offer those that bring records back.
            let mut offers: Vec<(String, usize, crate::view_state::ViewState)> = chip_list(&state)
                .into_iter()
                .filter_map(|(label, remove)| {
                    let mut relaxed = state.clone();
                    remove(&mut relaxed);
                    // Only how many: matched without counting the filters.
                    let n = ctx.data().index.find(&relaxed.to_query()).hits.len();
                    (n > 0).then_some((label, n, relaxed))
                })
                .collect();
            crate::order::sort_by(&mut offers, |a, b| b.1.cmp(&a.1));
            (offers, results.unmatched_words)
        }
    };
    view! {
        <div class="empty" role="region" aria-label="No results">
            <h2>"No studies match"</h2>
            {move || {
                let (offers, unmatched) = suggestions();
                let ctx = ctx.clone();
                view! {
                    {(!unmatched.is_empty()).then(|| view! {
                        <p>"No record contains " {unmatched.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>().join(", ")} "."</p>
                    })}
                    {if offers.is_empty() {
                        view! { <p>"Try fewer words, or clear the filters."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="offers">
                                {offers.into_iter().map(|(label, n, relaxed)| {
                                    let ctx = ctx.clone();
                                    view! {
                                        <li>
                                            <button type="button" class="button" on:click=move |_| ctx.go(relaxed.clone(), History::Push)>
                                                {format!("Remove {label} ({n} {})", if n == 1 { "match" } else { "matches" })}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                }
            }}
        </div>
    }
}

/// In place of the results while the text of many records is being indexed and the query has
/// text (see `Library::index_text`); the results replace it as soon as the index is complete.
#[component]
pub fn Preparing() -> impl IntoView {
    let ctx = ctx();
    let total = move || ctx.catalog.with(|c| c.dataset.studies.len());
    let percent = ctx.indexing;
    view! {
        <div class="empty preparing" role="region" aria-label="Preparing search">
            <h2>"Preparing search"</h2>
            <p>
                {move || format!("The text of {} studies is being indexed; the matches will show here as soon as it is done.", total())}
                " Filters and the timeline work already; clear the search box to browse meanwhile."
            </p>
            <progress max="100" value=move || percent.get().unwrap_or(0) aria-label="Indexing progress"></progress>
        </div>
    }
}
