//! The timeline: a horizontal time axis with one lane per approach (or cancer type, or stage).
//!
//! Records are placed at the middle of the period their date names. A year- or month-precise
//! date is drawn as a span when it is wide enough, else as a hollow "soft" marker; only
//! day-precise dates get a solid point. Markers closer than 28 px are gathered into a count
//! badge, which zooms in when activated, so targets never crowd and the DOM stays small at any
//! record count. Zoom and pan (wheel, drag, pinch, keys) write `zoom=` into the URL.

use super::ctx;
use super::overview::full_span;
use crate::app::{Ctx, History};
use crate::data::{PartialDate, Stage, Study};
use crate::platform;
use crate::view_state::{Lanes, ViewState, YearSpan};
use leptos::prelude::*;
use web_sys::{PointerEvent, WheelEvent};

/// Horizontal room per marker before neighbours are clustered, in pixels.
const BUCKET_PX: f64 = 28.0;
/// A lane's label and its points (pixel x, record index).
type LanePoints = (&'static str, Vec<(f64, u32)>);
/// Lane slots: more than any vocabulary has values, the last one for "not specified".
const LANE_SLOTS: usize = 64;
/// The narrowest zoom window, in years.
const MIN_SPAN: i32 = 2;

#[derive(Clone, Debug, PartialEq)]
enum Item {
    Single {
        index: u32,
        left: f64,
        width: Option<f64>,
        soft: bool,
    },
    Cluster {
        count: usize,
        left: f64,
        from: i32,
        to: i32,
    },
}

#[derive(Clone, Debug, PartialEq)]
struct Lane {
    label: String,
    items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Default)]
struct Plot {
    lanes: Vec<Lane>,
    undated: usize,
    outside: usize,
}

/// The visible window as whole years, inclusive.
fn window_of(state: &ViewState, first: i32, last: i32) -> (i32, i32) {
    match state.zoom {
        Some(YearSpan { start, end }) => {
            (start.max(first), end.min(last).max(start.max(first) + 1))
        }
        None => {
            let from = state.year_from.unwrap_or(first).max(first);
            let to = state.year_to.unwrap_or(last).min(last);
            (from, to.max(from + 1))
        }
    }
}

/// The lane a record belongs to, as (sort key, label).
fn lane_of(study: &Study, lanes: Lanes) -> (usize, &'static str) {
    match lanes {
        Lanes::Approach => study
            .approaches
            .first()
            .map(|a| (*a as usize, a.label()))
            .unwrap_or((usize::MAX, "Not specified")),
        Lanes::CancerType => study
            .cancer_types
            .first()
            .map(|c| (*c as usize, c.label()))
            .unwrap_or((usize::MAX, "No specific cancer")),
        Lanes::Stage => (study.stage as usize, study.stage.label()),
        Lanes::None => (0, "All records"),
    }
}

/// How long the period named by `date` is, in years.
fn precision_years(date: &PartialDate) -> f64 {
    match (date.month, date.day) {
        (Some(_), Some(_)) => 0.0,
        (Some(_), None) => 1.0 / 12.0,
        _ => 1.0,
    }
}

fn plot(ctx: &Ctx, state: &ViewState, hits: &[u32], width: f64, first: i32, last: i32) -> Plot {
    let (start, end) = window_of(state, first, last);
    let span = f64::from(end + 1 - start);
    let width = if width > 0.0 { width } else { 900.0 };
    let studies = &ctx.data().dataset.studies;
    // Records are held in date order, so walking the hits in record order (not rank order)
    // gives each lane its points almost sorted, which the sort below then merely confirms.
    let mut is_hit = vec![false; studies.len()];
    for &index in hits {
        is_hit[index as usize] = true;
    }
    // One slot per lane, by the lane's sort key ("not specified" last).
    let mut by_lane: Vec<Option<LanePoints>> = vec![None; LANE_SLOTS];
    let mut result = Plot::default();
    for (index, study) in studies.iter().enumerate() {
        if !is_hit[index] {
            continue;
        }
        let Some(date) = study.date else {
            result.undated += 1;
            continue;
        };
        let x = date.midpoint() - f64::from(start);
        if !(0.0..span).contains(&x) {
            result.outside += 1;
            continue;
        }
        let (key, label) = lane_of(study, state.lanes);
        by_lane[key.min(LANE_SLOTS - 1)]
            .get_or_insert_with(|| (label, Vec::new()))
            .1
            .push((x / span * width, index as u32));
    }
    result.lanes = by_lane
        .into_iter()
        .flatten()
        .map(|(label, mut points)| {
            points.sort_by(|a, b| a.0.total_cmp(&b.0));
            Lane {
                label: label.to_owned(),
                items: sweep(&points, width, span, start, studies),
            }
        })
        .collect();
    result
}

/// Gathers points (pixel x, record) left to right: a new item starts only [`BUCKET_PX`] or more
/// to the right of the previous one, so targets never crowd each other. An item with one record
/// is drawn at its exact position; several become a cluster.
fn sweep(points: &[(f64, u32)], width: f64, span: f64, start: i32, studies: &[Study]) -> Vec<Item> {
    // (x of the first member, first member, last member, member count)
    let mut groups: Vec<(f64, u32, u32, usize)> = Vec::new();
    for &(x, index) in points {
        match groups.last_mut() {
            Some((at, _, last, count)) if x - *at < BUCKET_PX => {
                *last = index;
                *count += 1;
            }
            _ => groups.push((x, index, index, 1)),
        }
    }
    let year = |index: u32| studies[index as usize].date.map_or(start, |d| d.year);
    groups
        .into_iter()
        .map(|(x, first, last, count)| {
            let left = x / width * 100.0;
            if count == 1 {
                // Invariant: only dated records reach the sweep.
                let date = studies[first as usize]
                    .date
                    .expect("plotted records are dated");
                let period = precision_years(&date) / span * 100.0;
                let wide_enough = period / 100.0 * width >= 10.0;
                Item::Single {
                    index: first,
                    left: (date.midpoint() - f64::from(start)) / span * 100.0,
                    width: (period > 0.0 && wide_enough).then_some(period),
                    soft: period > 0.0 && !wide_enough || studies[first as usize].circa,
                }
            } else {
                // Members are in x order, so the first and last hold the earliest and latest
                // years.
                let (a, b) = (year(first), year(last));
                Item::Cluster {
                    count,
                    left,
                    from: a.min(b),
                    to: a.max(b),
                }
            }
        })
        .collect()
}

/// Axis ticks: (year, left %) with a step that leaves about 80 px between labels.
fn ticks(start: i32, end: i32, width: f64) -> Vec<(i32, f64)> {
    let span = end + 1 - start;
    let room = ((if width > 0.0 { width } else { 900.0 }) / 80.0).max(2.0);
    let step = [1, 2, 5, 10, 20, 25, 50, 100]
        .into_iter()
        .find(|&step| f64::from(span) / f64::from(step) <= room)
        .unwrap_or(100);
    let first_tick = (start + step - 1).div_euclid(step) * step;
    (first_tick..=end)
        .step_by(step as usize)
        .map(|year| (year, f64::from(year - start) / f64::from(span) * 100.0))
        .collect()
}

#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = ctx();
    let (first, last) = full_span(&ctx);
    let state = ctx.state;
    let results = ctx.results;
    let area: NodeRef<leptos::html::Div> = NodeRef::new();
    let width = platform::element_width(area);
    let drawing = {
        let ctx = ctx.clone();
        Memo::new(move |_| {
            let w = width.get();
            state.with(|s| results.with(|r| plot(&ctx, s, &r.hits, w, first, last)))
        })
    };
    let window = Memo::new(move |_| state.with(|s| window_of(s, first, last)));

    let set_window = {
        let ctx = ctx.clone();
        move |start: i32, end: i32, history: History| {
            let span = (end - start).clamp(MIN_SPAN, last - first);
            let start = start.clamp(first, last - span);
            let end = start + span;
            ctx.update(history, |s| {
                s.zoom = (start > first || end < last).then_some(YearSpan { start, end });
            });
        }
    };
    let zoom_by = {
        let set_window = set_window.clone();
        move |factor: f64, anchor: f64| {
            let (start, end) = window.get_untracked();
            let span = f64::from(end - start);
            let mut next = (span * factor).round() as i32;
            if next == end - start {
                next += if factor > 1.0 { 1 } else { -1 };
            }
            let focus = f64::from(start) + anchor * span;
            let new_start = (focus - anchor * f64::from(next)).round() as i32;
            set_window(new_start, new_start + next, History::Replace);
        }
    };
    let on_wheel = {
        let zoom_by = zoom_by.clone();
        move |ev: WheelEvent| {
            let Some(el) = area.get_untracked() else {
                return;
            };
            ev.prevent_default();
            let rect = el.get_bounding_client_rect();
            let anchor =
                ((f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0);
            zoom_by(if ev.delta_y() > 0.0 { 1.25 } else { 0.8 }, anchor);
        }
    };
    // Active pointers (id → x) for drag and pinch, and the window when the gesture began.
    let pointers = StoredValue::new(Vec::<(i32, f64)>::new());
    let gesture = StoredValue::new(None::<(f64, f64, (i32, i32))>);
    let on_down = move |ev: PointerEvent| {
        let on_control = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| el.closest("button").ok().flatten().is_some());
        if on_control {
            return;
        }
        pointers.update_value(|p| {
            p.retain(|(id, _)| *id != ev.pointer_id());
            p.push((ev.pointer_id(), f64::from(ev.client_x())));
        });
        let (x, spread) = pointers.with_value(|p| pointer_geometry(p));
        gesture.set_value(Some((x, spread, window.get_untracked())));
        if let Some(el) = area.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_move = {
        let set_window = set_window.clone();
        move |ev: PointerEvent| {
            let Some((x0, spread0, (start, end))) = gesture.get_value() else {
                return;
            };
            pointers.update_value(|p| {
                if let Some(entry) = p.iter_mut().find(|(id, _)| *id == ev.pointer_id()) {
                    entry.1 = f64::from(ev.client_x());
                }
            });
            let (x, spread) = pointers.with_value(|p| pointer_geometry(p));
            let w = width.get_untracked().max(1.0);
            let span = f64::from(end - start);
            let mut next_span = span;
            if spread0 > 20.0 && spread > 20.0 {
                next_span = (span * spread0 / spread).round();
            }
            let shift = -((x - x0) / w * span).round();
            let new_start = f64::from(start) + shift + (span - next_span) / 2.0;
            let new = (
                new_start.round() as i32,
                (new_start + next_span).round() as i32,
            );
            if new != window.get_untracked() {
                set_window(new.0, new.1, History::Replace);
            }
        }
    };
    let on_up = move |ev: PointerEvent| {
        pointers.update_value(|p| p.retain(|(id, _)| *id != ev.pointer_id()));
        let remaining = pointers.with_value(|p| (!p.is_empty()).then(|| pointer_geometry(p)));
        gesture.set_value(remaining.map(|(x, spread)| (x, spread, window.get_untracked())));
    };
    let on_key = {
        let set_window = set_window.clone();
        let zoom_by = zoom_by.clone();
        move |ev: web_sys::KeyboardEvent| {
            let (start, end) = window.get_untracked();
            let step = ((end - start) / 10).max(1);
            match ev.key().as_str() {
                "ArrowLeft" => set_window(start - step, end - step, History::Replace),
                "ArrowRight" => set_window(start + step, end + step, History::Replace),
                "+" | "=" => zoom_by(0.8, 0.5),
                "-" | "_" => zoom_by(1.25, 0.5),
                "0" | "Home" => set_window(first, last, History::Replace),
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let axis = move || {
        let (start, end) = window.get();
        ticks(start, end, width.get())
            .into_iter()
            .map(|(year, left)| view! { <span class="tick" style:left=format!("{left}%")>{year}</span> })
            .collect_view()
    };
    // Lanes keyed by label, and each lane's n-th button is kept and updated in place: a
    // keystroke changes a few attributes instead of replacing hundreds of buttons.
    let lanes = {
        let ctx = ctx.clone();
        let set_window = set_window.clone();
        view! {
            <For
                each=move || drawing.with(|d| d.lanes.iter().map(|l| l.label.clone()).collect::<Vec<_>>())
                key=|label| label.clone()
                children=move |label| {
                    let ctx = ctx.clone();
                    let set_window = set_window.clone();
                    let items = {
                        let label = label.clone();
                        Memo::new(move |_| {
                            drawing.with(|d| {
                                d.lanes
                                    .iter()
                                    .find(|l| l.label == label)
                                    .map(|l| l.items.clone())
                                    .unwrap_or_default()
                            })
                        })
                    };
                    let name = label.clone();
                    view! {
                        <div class="lane" role="group" aria-label=label>
                            <span class="lane-label">{name}</span>
                            <div class="lane-track">
                                <For
                                    each=move || 0..items.with(Vec::len)
                                    key=|slot| *slot
                                    children=move |slot| render_slot(&ctx, items, slot, set_window.clone())
                                />
                            </div>
                        </div>
                    }
                }
            />
        }
    };
    let footnote = move || {
        drawing.with(|d| {
            let mut parts = Vec::new();
            if d.outside > 0 {
                parts.push(format!("{} outside the visible years", d.outside));
            }
            if d.undated > 0 {
                parts.push(format!("{} undated (shown in the list)", d.undated));
            }
            (!parts.is_empty()).then(|| format!("Not on the timeline: {}.", parts.join("; ")))
        })
    };
    view! {
        <section class="timeline" aria-label="Timeline">
            <p class="timeline-help" id="timeline-help">
                "Scroll or pinch to zoom, drag to pan. With the timeline focused: ← → pan, + − zoom, 0 resets."
            </p>
            <div
                class="timeline-area"
                node_ref=area
                tabindex="0"
                role="group"
                aria-label=move || {
                    let (a, b) = window.get();
                    format!("Timeline from {a} to {b}")
                }
                aria-describedby="timeline-help"
                on:wheel=on_wheel
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
                on:keydown=on_key
            >
                <div class="axis" aria-hidden="true">{axis}</div>
                {lanes}
            </div>
            <p class="timeline-footnote">{footnote}</p>
            <Legend />
        </section>
    }
}

/// Centre and spread of the active pointers.
fn pointer_geometry(pointers: &[(i32, f64)]) -> (f64, f64) {
    match pointers {
        [] => (0.0, 0.0),
        [(_, x)] => (*x, 0.0),
        [(_, a), (_, b), ..] => ((a + b) / 2.0, (a - b).abs()),
    }
}

/// What one timeline button shows: a record's marker or a cluster's count badge.
#[derive(Clone, Debug, PartialEq, Default)]
struct Shown {
    class: String,
    left: String,
    width: Option<String>,
    label: String,
    badge: Option<usize>,
    /// The record a marker selects, or the years a cluster zooms to.
    study: Option<String>,
    zoom: (i32, i32),
}

fn shown(ctx: &Ctx, item: &Item) -> Shown {
    match *item {
        Item::Single {
            index,
            left,
            width,
            soft,
        } => {
            let study = &ctx.data().dataset.studies[index as usize];
            let date = study.date.map(|d| d.human()).unwrap_or_default();
            let selected = ctx
                .selected
                .with(|s| s.as_deref() == Some(study.id.as_str()));
            let mut class = String::from("marker");
            for (on, name) in [
                (study.stage == Stage::Approval, " approval"),
                (study.stage == Stage::Recognition, " prize"),
                (width.is_some(), " span"),
                (soft, " soft"),
                (selected, " selected"),
            ] {
                if on {
                    class.push_str(name);
                }
            }
            Shown {
                class,
                left: format!("{left}%"),
                width: width.map(|w| format!("{w}%")),
                label: format!(
                    "{} ({}{date})",
                    study.title,
                    if study.circa { "c. " } else { "" }
                ),
                badge: None,
                study: Some(study.id.clone()),
                zoom: (0, 0),
            }
        }
        Item::Cluster {
            count,
            left,
            from,
            to,
        } => {
            let years = if from == to {
                from.to_string()
            } else {
                format!("{from}–{to}")
            };
            Shown {
                class: "cluster".to_owned(),
                left: format!("{left}%"),
                width: None,
                label: format!("{count} records, {years}: zoom in"),
                badge: Some(count),
                study: None,
                zoom: if to - from < MIN_SPAN {
                    (from - 1, to + 1)
                } else {
                    (from, to + 1)
                },
            }
        }
    }
}

/// The `slot`-th button of a lane, following whatever item is in that place now.
fn render_slot(
    ctx: &Ctx,
    items: Memo<Vec<Item>>,
    slot: usize,
    set_window: impl Fn(i32, i32, History) + Clone + Send + Sync + 'static,
) -> AnyView {
    let shown = {
        let ctx = ctx.clone();
        Memo::new(move |_| {
            items
                .with(|items| items.get(slot).map(|item| shown(&ctx, item)))
                .unwrap_or_default()
        })
    };
    let ctx = ctx.clone();
    let on_click = move |_| {
        let (study, (a, b)) = shown.with_untracked(|s| (s.study.clone(), s.zoom));
        match study {
            Some(id) => ctx.update(History::Push, |s| s.study = Some(id)),
            None => set_window(a, b, History::Push),
        }
    };
    let title = move || {
        shown.with(|s| match s.badge {
            // The title is the label without the action.
            Some(_) => s.label.trim_end_matches(": zoom in").to_owned(),
            None => s.label.clone(),
        })
    };
    view! {
        <button
            type="button"
            class=move || shown.with(|s| s.class.clone())
            data-id=move || shown.with(|s| s.study.clone())
            style:left=move || shown.with(|s| s.left.clone())
            style:width=move || shown.with(|s| s.width.clone())
            aria-label=move || shown.with(|s| s.label.clone())
            title=title
            on:click=on_click
        >
            {move || shown.with(|s| s.badge)}
        </button>
    }
    .into_any()
}

#[component]
fn Legend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label="Legend">
            <li><span class="marker demo" aria-hidden="true"></span>" exact date"</li>
            <li><span class="marker soft demo" aria-hidden="true"></span>" year or month only, or circa"</li>
            <li><span class="marker approval demo" aria-hidden="true"></span>" approval"</li>
            <li><span class="marker prize demo" aria-hidden="true"></span>" prize / recognition"</li>
            <li><span class="cluster demo" aria-hidden="true">"3"</span>" several records: activate to zoom in"</li>
        </ul>
    }
}
