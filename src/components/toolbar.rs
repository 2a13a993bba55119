//! Above the results: the announced result count, the view switch, lanes, active-filter chips.

use super::ctx;
use crate::app::{History, count_sentence};
use crate::view_state::{Lanes, ViewMode, ViewState};
use leptos::prelude::*;

#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = ctx();
    let results = ctx.results;
    let state = ctx.state;
    let views = [
        (ViewMode::Timeline, "Timeline"),
        (ViewMode::List, "List"),
        (ViewMode::Bench, "Bench to bedside"),
    ];
    let lane_choices = [
        (Lanes::Approach, "Approach"),
        (Lanes::CancerType, "Cancer type"),
        (Lanes::Stage, "Evidence stage"),
        (Lanes::None, "None"),
    ];
    let on_lanes = {
        let ctx = ctx.clone();
        move |ev| {
            let word = event_target_value(&ev);
            let lanes = Lanes::from_word(&word).unwrap_or_default();
            ctx.update(History::Push, |s| s.lanes = lanes);
        }
    };
    view! {
        <div class="toolbar">
            <p class="result-count" role="status" aria-live="polite" aria-atomic="true">
                {move || {
                    if results.with(|r| r.pending) {
                        "Preparing search…".to_owned()
                    } else {
                        count_sentence(results.with(|r| r.hits.len()), ctx.catalog.with(|c| c.dataset.studies.len()))
                    }
                }}
            </p>
            <div class="view-switch" role="group" aria-label="View">
                {views
                    .into_iter()
                    .map(|(mode, label)| {
                        let ctx = ctx.clone();
                        view! {
                            <button
                                type="button"
                                class="button"
                                aria-pressed=move || (state.with(|s| s.view) == mode).to_string()
                                on:click=move |_| ctx.update(History::Push, |s| s.view = mode)
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            {(!ctx.embed).then(|| view! { <super::story::StoriesMenu /> })}
            <Show when=move || state.with(|s| s.view == ViewMode::Timeline)>
                <label class="lanes">
                    <span>"Lanes"</span>
                    <select on:change=on_lanes.clone() prop:value=move || state.with(|s| s.lanes.word())>
                        {lane_choices
                            .into_iter()
                            .map(|(lanes, label)| view! { <option value=lanes.word()>{label}</option> })
                            .collect_view()}
                    </select>
                </label>
            </Show>
        </div>
        // In another page's frame the caption says what is filtered (components::embed).
        {(!ctx.embed).then(|| view! { <Chips /> })}
    }
}

/// One removable chip per active filter, and "Clear all".
#[component]
fn Chips() -> impl IntoView {
    let ctx = ctx();
    let state = ctx.state;
    let chips = move || state.with(chip_list);
    view! {
        <Show when=move || !chips().is_empty()>
            <ul class="chips" aria-label="Active filters">
                {
                    let ctx = ctx.clone();
                    move || {
                        chips()
                            .into_iter()
                            .map(|(label, remove)| {
                                let ctx = ctx.clone();
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="chip"
                                            aria-label=format!("Remove filter {label}")
                                            on:click=move |_| {
                                                ctx.update(History::Push, |s| remove(s));
                                            }
                                        >
                                            {label.clone()}
                                            <span aria-hidden="true">" ×"</span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }
                }
                <li>
                    {
                        let ctx = ctx.clone();
                        view! {
                            <button
                                type="button"
                                class="button clear-all"
                                on:click=move |_| {
                                    ctx.update(History::Push, |s| {
                                        *s = s.clone().cleared_filters();
                                        s.q.clear();
                                    });
                                }
                            >
                                "Clear all"
                            </button>
                        }
                    }
                </li>
            </ul>
        </Show>
    }
}

type Remove = Box<dyn Fn(&mut ViewState) + Send + Sync>;

/// The active filters in words ("Text: “car-t”; Approach: CAR-T"), or "all records".
pub fn filters_in_words(state: &ViewState) -> String {
    let parts: Vec<String> = chip_list(state)
        .into_iter()
        .map(|(label, _)| label)
        .collect();
    if parts.is_empty() {
        "all records".into()
    } else {
        parts.join("; ")
    }
}

/// The active filters as (label, how to remove it).
pub fn chip_list(state: &ViewState) -> Vec<(String, Remove)> {
    let mut chips: Vec<(String, Remove)> = Vec::new();
    if !state.q.trim().is_empty() {
        chips.push((
            format!("Text: “{}”", state.q.trim()),
            Box::new(|s| s.q.clear()),
        ));
    }
    for &a in &state.approaches {
        chips.push((
            format!("Approach: {}", a.label()),
            Box::new(move |s| {
                s.approaches.remove(&a);
            }),
        ));
    }
    for &c in &state.cancer_types {
        chips.push((
            format!("Cancer: {}", c.label()),
            Box::new(move |s| {
                s.cancer_types.remove(&c);
            }),
        ));
    }
    for &st in &state.stages {
        chips.push((
            format!("Stage: {}", st.label()),
            Box::new(move |s| {
                s.stages.remove(&st);
            }),
        ));
    }
    for &o in &state.outcomes {
        chips.push((
            format!("Outcome: {}", o.label()),
            Box::new(move |s| {
                s.outcomes.remove(&o);
            }),
        ));
    }
    for &r in &state.regulators {
        chips.push((
            format!("Regulator: {}", r.short()),
            Box::new(move |s| {
                s.regulators.remove(&r);
            }),
        ));
    }
    for inst in &state.institutions {
        let name = inst.clone();
        chips.push((
            format!("Institution: {inst}"),
            Box::new(move |s| {
                s.institutions.remove(&name);
            }),
        ));
    }
    if state.year_from.is_some() || state.year_to.is_some() {
        let label = match (state.year_from, state.year_to) {
            (Some(a), Some(b)) => format!("Years: {a}–{b}"),
            (Some(a), None) => format!("Years: from {a}"),
            (None, Some(b)) => format!("Years: to {b}"),
            (None, None) => String::new(),
        };
        chips.push((
            label,
            Box::new(|s| {
                s.year_from = None;
                s.year_to = None;
            }),
        ));
    }
    chips
}
