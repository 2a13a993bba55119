//! The overview strip: matching records per year over the whole span, with a brush that sets the
//! year range. Drag across the bars, or type the years; dragging replaces the history entry.

use super::ctx;
use crate::app::History;
use crate::number::{self, decimal};
use leptos::prelude::*;
use std::fmt::Write;
use web_sys::PointerEvent;

/// Height of the histogram in SVG units (the width is one unit per year).
const HEIGHT: i32 = 40;

/// The span the overview always shows: the earliest record's year to this year.
pub fn full_span(ctx: &crate::app::Ctx) -> (i32, i32) {
    let studies = &ctx.data().dataset.studies;
    let first = studies
        .iter()
        .filter_map(|s| s.date)
        .map(|d| d.year)
        .min()
        .unwrap_or(1891);
    let last = studies
        .iter()
        .filter_map(|s| s.date)
        .map(|d| d.year)
        .max()
        .unwrap_or(first);
    (first.min(1891), last.max(crate::platform::current_year()))
}

#[component]
pub fn Overview() -> impl IntoView {
    let ctx = ctx();
    let (first, last) = full_span(&ctx);
    let years = last - first + 1;
    // The bars follow the results a frame later (`Ctx::tallies`).
    let tallies = ctx.tallies;
    let state = ctx.state;
    let svg: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let (anchor, set_anchor) = signal(None::<i32>);

    let year_at = move |ev: &PointerEvent| -> Option<i32> {
        let svg = svg.get_untracked()?;
        let rect = svg.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return None;
        }
        let fraction = number::clamp(
            (f64::from(ev.client_x()) - rect.left()) / rect.width(),
            0.0,
            0.999,
        );
        Some(first + (fraction * f64::from(years)) as i32)
    };
    let set_range = {
        let ctx = ctx.clone();
        move |a: i32, b: i32| {
            let (from, to) = (a.min(b), a.max(b));
            let full = from <= first && to >= last;
            ctx.update(History::Replace, |s| {
                s.year_from = (!full).then_some(from);
                s.year_to = (!full).then_some(to);
            });
        }
    };
    let on_down = move |ev: PointerEvent| {
        if let Some(year) = year_at(&ev) {
            set_anchor.set(Some(year));
            if let Some(svg) = svg.get_untracked() {
                let _ = svg.set_pointer_capture(ev.pointer_id());
            }
        }
    };
    let on_move = {
        let set_range = set_range.clone();
        move |ev: PointerEvent| {
            if let (Some(start), Some(year)) = (anchor.get_untracked(), year_at(&ev)) {
                let current = state.with_untracked(|s| (s.year_from, s.year_to));
                let wanted = (Some(start.min(year)), Some(start.max(year)));
                if current != wanted && start != year {
                    set_range(start, year);
                }
            }
        }
    };
    let on_up = move |_| set_anchor.set(None);

    // All bars are one path: a keystroke changes one attribute instead of rebuilding ~130
    // elements.
    let bars = move || {
        tallies.with(|t| {
            let max = t
                .histogram
                .iter()
                .map(|&(_, n)| n)
                .max()
                .unwrap_or(0)
                .max(1);
            let mut path = String::new();
            for &(year, n) in &t.histogram {
                if n == 0 || !(first..=last).contains(&year) {
                    continue;
                }
                // A square-root scale keeps single records visible next to busy years.
                let h = (f64::from(n) / f64::from(max)).sqrt() * f64::from(HEIGHT - 2) + 2.0;
                let h = decimal(h, 2);
                let x = year - first;
                let _ = write!(path, "M{x}.1 {HEIGHT}v-{h}h0.8v{h}z");
            }
            path
        })
    };
    let brush = move || {
        state.with(|s| {
            let from = s.year_from.unwrap_or(first).max(first);
            let to = s.year_to.unwrap_or(last).min(last);
            (s.year_from.is_some() || s.year_to.is_some()).then(|| {
                view! {
                    <rect class="brush" x={from - first} y="0" width={to - from + 1} height=HEIGHT />
                }
            })
        })
    };
    let typed = {
        let ctx = ctx.clone();
        move |which: &'static str| {
            let ctx = ctx.clone();
            move |ev| {
                let value = event_target_value(&ev).trim().parse::<i32>().ok();
                let value = value.filter(|y| (first..=last).contains(y));
                ctx.update(History::Replace, |s| {
                    if which == "from" {
                        s.year_from = value;
                    } else {
                        s.year_to = value;
                    }
                    if let (Some(a), Some(b)) = (s.year_from, s.year_to)
                        && a > b
                    {
                        s.year_from = Some(b);
                        s.year_to = Some(a);
                    }
                });
            }
        }
    };
    let label = format!(
        "Matching records per year, {first} to {last}. Drag across the chart to choose a year range."
    );
    view! {
        <section class="overview" aria-label="Overview by year">
            <svg
                node_ref=svg
                class="histogram"
                class:dragging=move || anchor.get().is_some()
                viewBox=format!("0 0 {years} {HEIGHT}")
                preserveAspectRatio="none"
                role="img"
                aria-label=label
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=move |_| set_anchor.set(None)
            >
                <path class="bars" d=bars />
                {brush}
            </svg>
            <div class="axis-ends" aria-hidden="true">
                <span>{first}</span>
                <span>{last}</span>
            </div>
            <div class="year-range">
                <YearInput label="From year" placeholder=first min=first max=last value=move || state.with(|s| s.year_from) on_change=typed("from") />
                <YearInput label="To year" placeholder=last min=first max=last value=move || state.with(|s| s.year_to) on_change=typed("to") />
                <Show when=move || state.with(|s| s.year_from.is_some() || s.year_to.is_some())>
                    {
                        let ctx = ctx.clone();
                        view! {
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| ctx.update(History::Push, |s| {
                                    s.year_from = None;
                                    s.year_to = None;
                                })
                            >
                                "All years"
                            </button>
                        }
                    }
                </Show>
            </div>
        </section>
    }
}

/// A labelled year field; empty means "no bound".
#[component]
fn YearInput(
    label: &'static str,
    placeholder: i32,
    min: i32,
    max: i32,
    value: impl Fn() -> Option<i32> + Send + Sync + 'static,
    on_change: impl FnMut(leptos::ev::Event) + 'static,
) -> impl IntoView {
    view! {
        <label>
            <span>{label}</span>
            <input
                type="number"
                inputmode="numeric"
                min=min
                max=max
                placeholder=placeholder.to_string()
                prop:value=move || value().map(|y| y.to_string()).unwrap_or_default()
                on:change=on_change
            />
        </label>
    }
}
