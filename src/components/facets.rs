//! Facet filters with counts: approach, cancer type, evidence stage, outcome, regulator,
//! institution.
//!
//! A count says how many records would match with that value selected, honouring every other
//! active filter (the search engine's faceted semantics). Values with no matches are hidden
//! unless selected.

use super::ctx;
use crate::app::History;
use crate::data::{Approach, CancerType, Outcome, Regulator, Stage};
use crate::view_state::ViewState;
use leptos::prelude::*;
use std::collections::HashMap;

/// How many institutions are listed before "Show all".
const INSTITUTIONS_SHOWN: usize = 8;

#[component]
pub fn Facets() -> impl IntoView {
    // The counts follow the results a frame later (`Ctx::tallies`).
    let tallies = ctx().tallies;
    let approaches = Memo::new(move |_| {
        tallies.with(|t| vocab_rows(&t.facets.approaches, |a: Approach| (a.slug(), a.label())))
    });
    let cancers = Memo::new(move |_| {
        tallies.with(|t| {
            vocab_rows(&t.facets.cancer_types, |c: CancerType| {
                (c.slug(), c.label())
            })
        })
    });
    let stages = Memo::new(move |_| {
        tallies.with(|t| vocab_rows(&t.facets.stages, |s: Stage| (s.slug(), s.label())))
    });
    let outcomes = Memo::new(move |_| {
        tallies.with(|t| vocab_rows(&t.facets.outcomes, |o: Outcome| (o.slug(), o.label())))
    });
    let regulators = Memo::new(move |_| {
        tallies.with(|t| vocab_rows(&t.facets.regulators, |r: Regulator| (r.slug(), r.label())))
    });
    let institutions = Memo::new(move |_| {
        tallies.with(|t| {
            t.facets
                .institutions
                .iter()
                .map(|(name, n)| (name.clone(), name.clone(), *n))
                .collect::<Vec<_>>()
        })
    });
    let groups = move || {
        view! {
            <FacetGroup
                legend="Approach"
                rows=approaches
                selected=|s: &ViewState| s.approaches.iter().map(|a| a.slug().to_owned()).collect()
                toggle=|s: &mut ViewState, value: &str| {
                    if let Some(a) = Approach::from_slug(value) { flip(&mut s.approaches, a) }
                }
                limit=None
                swatches=true
            />
            <FacetGroup
                legend="Cancer type"
                rows=cancers
                selected=|s: &ViewState| s.cancer_types.iter().map(|c| c.slug().to_owned()).collect()
                toggle=|s: &mut ViewState, value: &str| {
                    if let Some(c) = CancerType::from_slug(value) { flip(&mut s.cancer_types, c) }
                }
                limit=None
            />
            <FacetGroup
                legend="Evidence stage"
                rows=stages
                selected=|s: &ViewState| s.stages.iter().map(|st| st.slug().to_owned()).collect()
                toggle=|s: &mut ViewState, value: &str| {
                    if let Some(st) = Stage::from_slug(value) { flip(&mut s.stages, st) }
                }
                limit=None
            />
            <FacetGroup
                legend="Outcome"
                rows=outcomes
                selected=|s: &ViewState| s.outcomes.iter().map(|o| o.slug().to_owned()).collect()
                toggle=|s: &mut ViewState, value: &str| {
                    if let Some(o) = Outcome::from_slug(value) { flip(&mut s.outcomes, o) }
                }
                limit=None
            />
            <FacetGroup
                legend="Regulator"
                rows=regulators
                selected=|s: &ViewState| s.regulators.iter().map(|r| r.slug().to_owned()).collect()
                toggle=|s: &mut ViewState, value: &str| {
                    if let Some(r) = Regulator::from_slug(value) { flip(&mut s.regulators, r) }
                }
                limit=None
            />
            <FacetGroup
                legend="Institution"
                rows=institutions
                selected=|s: &ViewState| s.institutions.iter().cloned().collect()
                toggle=|s: &mut ViewState, value: &str| flip(&mut s.institutions, value.to_owned())
                limit=Some(INSTITUTIONS_SHOWN)
            />
        }
    };
    // Closed (a narrow screen), the groups are built when first opened: a phone's start does not
    // build hundreds of rows nobody sees yet, and their counts are not kept up while typing. There
    // the overview by year folds in here too, so a phone's first screen shows records (the app
    // leaves it out above the results).
    let open = crate::platform::is_wide();
    let opened = RwSignal::new(open);
    let summary = if open { "Filters" } else { "Filters and years" };
    // Only the first opening builds the groups. A `<details>` rendered open also fires `toggle`,
    // and setting the signal again, though to the same value, rebuilt every group: 47 ms of a
    // wide screen's start-up in a trace, before the page could answer a first keystroke.
    let on_toggle = move |_| {
        if !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <details class="facets" open=open on:toggle=on_toggle>
            <summary>{summary}</summary>
            {move || opened.get().then(|| view! {
                {(!open).then(|| view! { <super::overview::Overview /> })}
                {groups()}
            })}
        </details>
    }
}

/// (value, label, count) rows in vocabulary order.
fn vocab_rows<T: Copy>(
    counts: &[(T, u32)],
    names: impl Fn(T) -> (&'static str, &'static str),
) -> Vec<(String, String, u32)> {
    counts
        .iter()
        .map(|&(value, n)| {
            let (slug, label) = names(value);
            (slug.to_owned(), label.to_owned(), n)
        })
        .collect()
}

fn flip<T: Ord>(set: &mut crate::view_state::Set<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

#[component]
fn FacetGroup(
    legend: &'static str,
    rows: Memo<Vec<(String, String, u32)>>,
    selected: fn(&ViewState) -> Vec<String>,
    toggle: fn(&mut ViewState, &str),
    limit: Option<usize>,
    /// Each row shows the colour of its value (the approach group: the colour its records take
    /// on the timeline and in the list).
    #[prop(optional)]
    swatches: bool,
) -> impl IntoView {
    let ctx = ctx();
    let chosen = crate::app::follow(ctx.state, selected);
    let (show_all, set_show_all) = signal(false);
    // (value, label, count, checked, listed). A vocabulary has a row for every value, hidden
    // (not listed) while it has no matches and is not selected: typing then changes counts and
    // `hidden`, where dropping and building rows as counts crossed zero built 8 rows per
    // keystroke (the benchmark's words, bundled records). The institutions, many and ordered by
    // count, keep only the listed rows.
    let visible = Memo::new(move |_| {
        let chosen = chosen.get();
        let mut shown: Vec<(String, String, u32, bool, bool)> = rows.with(|rows| {
            rows.iter()
                .map(|(value, label, n)| {
                    let checked = chosen.contains(value);
                    (value.clone(), label.clone(), *n, checked, *n > 0 || checked)
                })
                .filter(|row| row.4 || limit.is_none())
                .collect()
        });
        let hidden = match limit {
            Some(limit) if !show_all.get() && shown.len() > limit => {
                let before = shown.len();
                // Selected values always stay visible.
                shown = shown
                    .into_iter()
                    .enumerate()
                    .filter(|(i, row)| *i < limit || row.3)
                    .map(|(_, row)| row)
                    .collect();
                before - shown.len()
            }
            _ => 0,
        };
        // Where each row is, so every row's memo finds its own without a search.
        let at: HashMap<String, usize> = shown
            .iter()
            .enumerate()
            .map(|(i, row)| (row.0.clone(), i))
            .collect();
        (shown, hidden, at)
    });
    let has_more = Memo::new(move |_| visible.with(|v| v.1 > 0));
    let id = format!("facet-{}", legend.to_ascii_lowercase().replace(' ', "-"));
    view! {
        <fieldset class="facet" id=id>
            <legend>{legend}</legend>
            <ul>
                // Keyed by value: while typing, only counts change, not the elements.
                <For
                    each=move || visible.with(|v| v.0.iter().map(|row| row.0.clone()).collect::<Vec<_>>())
                    key=|value| value.clone()
                    children=move |value| {
                        let ctx = ctx.clone();
                        let row = {
                            let value = value.clone();
                            Memo::new(move |_| {
                                visible.with(|v| {
                                    v.2.get(&value)
                                        .map(|&i| (v.0[i].1.clone(), v.0[i].2, v.0[i].3, v.0[i].4))
                                        .unwrap_or_default()
                                })
                            })
                        };
                        let swatch = swatches.then(|| {
                            view! { <span class=format!("swatch ap-{value}") aria-hidden="true"></span> }
                        });
                        let on_change = move |_| {
                            ctx.update(History::Push, |s| toggle(s, &value));
                        };
                        view! {
                            <li hidden=move || row.with(|r| !r.3)>
                                <label class="facet-option" class:empty=move || row.with(|r| r.1 == 0)>
                                    <input type="checkbox" prop:checked=move || row.with(|r| r.2) on:change=on_change />
                                    {swatch}
                                    <span class="facet-label">{move || row.with(|r| r.0.clone())}</span>
                                    <span class="count">{move || row.with(|r| r.1)}</span>
                                </label>
                            </li>
                        }
                    }
                />
            </ul>
            {move || {
                // Built once when it is first needed, not again for every new count.
                (limit.is_some() && (has_more.get() || show_all.get())).then(|| {
                    view! {
                        <button
                            type="button"
                            class="link-button"
                            aria-expanded=move || show_all.get().to_string()
                            on:click=move |_| set_show_all.update(|v| *v = !*v)
                        >
                            {move || if show_all.get() { "Show fewer".to_owned() } else { format!("Show all ({} more)", visible.with(|v| v.1)) }}
                        </button>
                    }
                })
            }}
        </fieldset>
    }
}
