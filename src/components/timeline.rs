//! The timeline: a horizontal time axis with one lane per approach (or cancer type, or stage).
//!
//! Records are placed at the middle of the period their date names. A year- or month-precise
//! date is drawn as a span when it is wide enough, else as a hollow "soft" marker; only
//! day-precise dates get a solid point. Markers closer than 28 px are gathered into a count
//! badge, which zooms in when activated, so targets never crowd and the DOM stays small at any
//! record count (where they go: `crate::timeline_plot`). Zoom and pan (wheel, drag, pinch,
//! keys) write `zoom=` into the URL.

use super::ctx;
use super::image::image_download;
use super::overview::full_span;
use crate::app::{CatalogRef, Ctx, History};
use crate::data::Stage;
use crate::exchange::picture::{Body, describe};
use crate::library::Catalog;
use crate::number::{self, percent, px};
use crate::platform;
use crate::timeline_plot::{
    Item, MIN_SPAN, Plot, ROW_PX, approaches_among, extent, label_text, lane_labels, plot, points,
    ticks, window_of,
};
use crate::view_state::YearSpan;
use leptos::prelude::*;
use web_sys::{PointerEvent, WheelEvent};

#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = ctx();
    let (first, last) = full_span(&ctx);
    let state = ctx.state;
    let results = ctx.results;
    let area: NodeRef<leptos::html::Div> = NodeRef::new();
    // The axis spans exactly the lanes' tracks (beside the lane names on a wide screen): its
    // width is the track width that markers, labels and gestures are measured in.
    let track: NodeRef<leptos::html::Div> = NodeRef::new();
    let width = platform::element_width(track);
    let catalog = ctx.catalog;
    let points = Memo::new(move |_| catalog.with(|c| points(&c.dataset.studies)));
    let selected = ctx.selected;
    // The matching records' years: the window fits them until the user zooms or pans.
    let fit = Memo::new(move |_| {
        let len = catalog.with(|c| c.dataset.studies.len());
        points.with(|p| results.with(|r| extent(&p.0, &r.hits, len)))
    });
    let window = Memo::new(move |_| state.with(|s| window_of(s, first, last, fit.get())));
    let drawing = Memo::new(move |_| {
        let w = width.get();
        // Nothing is drawn until the track's width is known, which is measured before the first
        // paint: drawn first at a guessed width, every button was built, laid out with the whole
        // page, and changed again once the width was in.
        if w <= 0.0 {
            return Plot::default();
        }
        let data = catalog.get();
        let window = window.get();
        points.with(|p| {
            selected.with(|id| {
                state.with(|s| {
                    results.with(|r| plot(&data, &p.0, id.as_deref(), s, &r.hits, w, window))
                })
            })
        })
    });

    let set_window = {
        let ctx = ctx.clone();
        move |start: i32, end: i32, history: History| {
            let span = (end - start).clamp(MIN_SPAN, last - first);
            let start = start.clamp(first, last - span);
            let end = start + span;
            // Once the user zooms or pans, the window stays where they put it; "Fit" (or 0)
            // clears it to fit the matching records again.
            ctx.update(history, |s| s.zoom = Some(YearSpan { start, end }));
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
            let Some(el) = track.get_untracked() else {
                return;
            };
            ev.prevent_default();
            let rect = el.get_bounding_client_rect();
            let anchor = number::clamp(
                (f64::from(ev.client_x()) - rect.left()) / rect.width().max(1.0),
                0.0,
                1.0,
            );
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
    let fit_now = {
        let ctx = ctx.clone();
        move || ctx.update(History::Replace, |s| s.zoom = None)
    };
    let on_key = {
        let set_window = set_window.clone();
        let fit_now = fit_now.clone();
        let zoom_by = zoom_by.clone();
        move |ev: web_sys::KeyboardEvent| {
            let (start, end) = window.get_untracked();
            let step = ((end - start) / 10).max(1);
            match ev.key().as_str() {
                "ArrowLeft" => set_window(start - step, end - step, History::Replace),
                "ArrowRight" => set_window(start + step, end + step, History::Replace),
                "+" | "=" => zoom_by(0.8, 0.5),
                "-" | "_" => zoom_by(1.25, 0.5),
                "0" | "Home" => fit_now(),
                _ => return,
            }
            ev.prevent_default();
        }
    };
    let axis = move || {
        let (start, end) = window.get();
        let track = width.get();
        ticks(start, end, track)
            .into_iter()
            .map(|(year, left)| {
                // A year centred on a tick at the chart's edge would be cut in half by its
                // border: there it is aligned to the edge instead.
                let px = left / 100.0 * track;
                let class = if px < TICK_HALF_PX {
                    "tick tick-start"
                } else if track - px < TICK_HALF_PX {
                    "tick tick-end"
                } else {
                    "tick"
                };
                view! { <span class=class style:left=percent(left)>{year}</span> }
            })
            .collect_view()
    };
    // One lane for each value the lanes group by, hidden while it has no matches; each lane's
    // n-th button is kept, updated in place, and hidden while the lane has fewer items. A
    // keystroke changes a few attributes of the buttons whose item changed instead of building
    // and dropping lanes and buttons; so does a new set of records (the details file arriving
    // after the first paint, an import), which rebuilt every lane when the lanes were keyed by
    // it. The lanes are built again only when what they group by changes, and then every label
    // does: a keyed `<For>` would keep none of them, and cost 2.4 kB of gzipped wasm.
    let lane_labels = Memo::new(move |_| state.with(|s| lane_labels(s.lanes)));
    let lanes = {
        let ctx = ctx.clone();
        let set_window = set_window.clone();
        move || {
            lane_labels
                .get()
                .into_iter()
                .map(|label| lane(&ctx, drawing, label, set_window.clone()))
                .collect_view()
        }
    };
    let footnote = move || drawing.with(|d| d.footnote());
    // The chart as drawn now, for "Download image".
    let picture = move || {
        let data = catalog.get_untracked();
        let (w, years) = (width.get_untracked(), window.get_untracked());
        drawing.with_untracked(|d| {
            Body::Timeline(describe::timeline(d, &data.dataset.studies, w, years))
        })
    };
    view! {
        <section class="timeline" aria-label="Timeline">
            <div class="timeline-head">
                <p class="timeline-help" id="timeline-help">
                    "Scroll or pinch to zoom, drag to pan. With the timeline focused: ← → pan, + − zoom, 0 fits the matches."
                </p>
                <div class="timeline-actions">
                    <button
                        type="button"
                        class="button fit"
                        disabled=move || state.with(|s| s.zoom.is_none())
                        on:click=move |_| fit_now()
                        title="Show the years of the matching records (key: 0)"
                    >
                        "Fit"
                    </button>
                    {image_download("timeline", std::sync::Arc::new(picture))}
                </div>
            </div>
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
                on:pointerover=|ev| link_hover(&ev, true)
                on:pointerout=|ev| link_hover(&ev, false)
                on:focusin=|ev| link_hover(&ev, true)
                on:focusout=|ev| link_hover(&ev, false)
            >
                <div class="axis" aria-hidden="true" node_ref=track>{axis}</div>
                {lanes}
            </div>
            <p class="timeline-footnote">{footnote}</p>
            <MatchList />
            <Legend />
        </section>
    }
}

/// Lights up (or down) the record under an event in both the chart and the match list.
fn link_hover(ev: &web_sys::Event, on: bool) {
    if let Some(id) = platform::data_id_of(ev) {
        platform::mark_linked(".timeline", &id, on);
    }
}

/// How many matches the list under the chart names; the List view has them all.
const MATCHES_LISTED: usize = 40;

/// How long typing must pause before a match list far below the screen catches up.
const LIST_PAUSE_MS: u32 = 300;

/// What a row of the match list shows of a record.
#[derive(Clone, Debug, Default, PartialEq)]
struct MatchRow {
    id: String,
    date: String,
    /// The short label, after a setback's mark.
    label: String,
    approach: &'static str,
}

/// The matching records in words under the chart, once the user has searched or filtered: date
/// and short label, in result order, each selecting its record. Hovering or focusing a row lights
/// up its marker, and the other way round.
///
/// The list is part of the results a keystroke changes, so it is drawn in the same frame as the
/// chart (a frame later, every keystroke cost two frames of style, layout and paint). Its
/// [`MATCHES_LISTED`] rows are built once and hidden while empty; a keystroke changes their text
/// in place, as the chart's buttons are changed: building the rows when a search began and
/// dropping them when it was cleared cost 10 ms of script per first letter at 100k records.
#[component]
fn MatchList() -> impl IntoView {
    let ctx = ctx();
    let searched = Memo::new(move |_| {
        ctx.state
            .with(|s| !s.q.trim().is_empty() || s.has_filters())
    });
    let listed = crate::app::follow(ctx.results, |r| {
        (
            r.hits
                .iter()
                .take(MATCHES_LISTED)
                .copied()
                .collect::<Vec<u32>>(),
            r.hits.len(),
        )
    });
    let rows = {
        let catalog = ctx.catalog;
        // Always one entry per row, empty past the matches.
        Memo::new(move |_| {
            let mut rows = Vec::with_capacity(MATCHES_LISTED);
            if searched.get() {
                let data = catalog.get();
                listed.with(|(hits, _)| {
                    rows.extend(
                        hits.iter()
                            .filter_map(|&i| data.dataset.studies.get(i as usize))
                            .map(|study| MatchRow {
                                id: study.id.clone(),
                                date: study
                                    .date
                                    .map_or_else(|| "Undated".to_owned(), |d| d.human()),
                                label: label_text(study),
                                approach: study.approaches.first().map_or("other", |a| a.slug()),
                            }),
                    )
                });
            }
            rows.resize_with(MATCHES_LISTED, MatchRow::default);
            rows
        })
    };
    let more = move || {
        let n = listed.with(|(_, n)| *n);
        (searched.get() && n > MATCHES_LISTED)
            .then(|| format!("…and {} more in the List view.", n - MATCHES_LISTED))
    };
    let built = StoredValue::new(Vec::with_capacity(MATCHES_LISTED));
    let slots = rows.with_untracked(|now| {
        (0..MATCHES_LISTED)
            .map(|slot| match_row(&ctx, built, slot, now[slot].clone()))
            .collect_view()
    });
    // The rows catch up with what matches at once while the list is on screen or near it;
    // below the fold (where it is while a broad search fills the lanes) they wait until the
    // person scrolls towards them or stops typing, hidden meanwhile so they never show an
    // earlier search's records. Filling 40 rows was about a sixth of a keystroke's work.
    let area = NodeRef::<leptos::html::Div>::new();
    let near = platform::near_viewport(area);
    let printing = platform::printing();
    let lagging = StoredValue::new(false);
    let pause = platform::AfterPause::new(LIST_PAUSE_MS);
    let catch_up = move |ctx: &Ctx| {
        rows.with_untracked(|now| {
            built.update_value(|built| {
                for (row, now) in built.iter_mut().zip(now) {
                    row.follow(now, ctx);
                }
            });
        });
        if lagging.get_value() {
            lagging.set_value(false);
            if let Some(el) = area.get_untracked() {
                platform::set_attribute(&el, "data-lagging", None);
            }
        }
    };
    // One effect for all the rows; its first run finds each showing what it was built with.
    let effect = RenderEffect::new(move |first: Option<()>| {
        rows.track();
        let shown = near.get() || printing.get();
        if first.is_none() {
            return;
        }
        if shown {
            return catch_up(&ctx);
        }
        let behind = rows.with_untracked(|now| {
            built.with_value(|built| built.iter().zip(now).any(|(row, now)| row.shown != *now))
        });
        if !behind {
            return;
        }
        if !lagging.get_value() {
            lagging.set_value(true);
            if let Some(el) = area.get_untracked() {
                platform::set_attribute(&el, "data-lagging", Some(""));
            }
        }
        let ctx = ctx.clone();
        pause.schedule(move || catch_up(&ctx));
    });
    // A render effect lives as long as its value: the list's owner keeps it.
    StoredValue::new(effect);
    view! {
        <div class="matches" node_ref=area hidden=move || !searched.get()>
            <h3 class="match-title">"Matches"</h3>
            <ol class="match-list" on:pointerover=|ev| link_hover(&ev, true) on:pointerout=|ev| link_hover(&ev, false) on:focusin=|ev| link_hover(&ev, true) on:focusout=|ev| link_hover(&ev, false)>
                {slots}
            </ol>
            <p class="match-more">{more}</p>
        </div>
    }
}

/// A row of the match list as built, and the record it shows.
struct ListedRow {
    item: NodeRef<leptos::html::Li>,
    swatch: NodeRef<leptos::html::Span>,
    time: NodeRef<leptos::html::Time>,
    link: NodeRef<leptos::html::A>,
    shown: MatchRow,
}

impl ListedRow {
    /// Shows `row`, writing only what differs from what the row shows.
    fn follow(&mut self, row: &MatchRow, ctx: &Ctx) {
        if self.shown == *row {
            return;
        }
        let (Some(item), Some(swatch), Some(time), Some(link)) = (
            self.item.get_untracked(),
            self.swatch.get_untracked(),
            self.time.get_untracked(),
            self.link.get_untracked(),
        ) else {
            return;
        };
        let old = &self.shown;
        if old.id != row.id {
            let id = (!row.id.is_empty()).then_some(row.id.as_str());
            platform::set_attribute(&item, "hidden", id.is_none().then_some(""));
            platform::set_attribute(&item, "data-id", id);
            platform::set_attribute(&link, "href", row_href(ctx, &row.id).as_deref());
        }
        if old.approach != row.approach {
            platform::set_attribute(&swatch, "class", Some(&swatch_class(row.approach)));
        }
        if old.date != row.date {
            platform::set_text(&time, &row.date);
        }
        if old.label != row.label {
            platform::set_text(&link, &row.label);
        }
        self.shown = row.clone();
    }
}

fn swatch_class(approach: &str) -> String {
    format!("swatch ap-{approach}")
}

/// The address of a listed record; none for an empty row.
fn row_href(ctx: &Ctx, id: &str) -> Option<String> {
    (!id.is_empty()).then(|| ctx.study_href(id))
}

/// The `slot`-th row of the match list, showing `initial` (and later whatever record is listed
/// in that place, written by the list's one render effect into `built`), hidden (without a
/// record id, so hover linking never finds it) while there is none.
///
/// A row is built once; after that the list's effect writes what differs. A memo and five
/// reactive attributes and texts per row made 240 reactive nodes for the 40 rows, and an effect
/// per row 40, each checked on every keystroke.
fn match_row(
    ctx: &Ctx,
    built: StoredValue<Vec<ListedRow>>,
    slot: usize,
    initial: MatchRow,
) -> impl IntoView + use<> {
    let row = ListedRow {
        item: NodeRef::new(),
        swatch: NodeRef::new(),
        time: NodeRef::new(),
        link: NodeRef::new(),
        shown: initial.clone(),
    };
    let (item, swatch, time, link) = (row.item, row.swatch, row.time, row.link);
    built.update_value(|rows| rows.push(row));
    let ctx = ctx.clone();
    let href = row_href(&ctx, &initial.id);
    let on_click = move |ev| {
        let id = built.with_value(|rows| rows[slot].shown.id.clone());
        super::select_on_click(&ctx, id)(ev)
    };
    let MatchRow {
        id,
        date,
        label,
        approach,
    } = initial;
    let id = (!id.is_empty()).then_some(id);
    view! {
        <li node_ref=item hidden=id.is_none() data-id=id>
            <span node_ref=swatch class=swatch_class(approach) aria-hidden="true"></span>
            <time node_ref=time>{date}</time>
            <a node_ref=link href=href on:click=on_click>{label}</a>
        </li>
    }
}

/// The lane of records whose lane value is `label`: its name and a track of buttons, one per
/// item it has shown at most.
fn lane<S>(
    ctx: &Ctx,
    drawing: Memo<Plot>,
    label: &'static str,
    set_window: S,
) -> impl IntoView + use<S>
where
    S: Fn(i32, i32, History) + Clone + Send + Sync + 'static,
{
    let ctx = ctx.clone();
    // The lane's items with the records they index: a button follows the records through this
    // memo rather than subscribing to them itself (the records' memo is checked on every
    // keystroke, and with hundreds of buttons subscribed that cost 2–3 ms at 100k records).
    let catalog = ctx.catalog;
    let items = Memo::new(move |_| {
        let lane = drawing.with(|d| {
            d.lanes
                .iter()
                .find(|l| l.label == label)
                .map(|l| l.items.clone())
                .unwrap_or_default()
        });
        (lane, catalog.get())
    });
    // None while the lane has no matches.
    let rows = Memo::new(move |_| {
        drawing.with(|d| d.lanes.iter().find(|l| l.label == label).map(|l| l.rows))
    });
    // The most items the lane has shown: its buttons, of which the surplus are hidden.
    let slots = Memo::new(move |most: Option<&usize>| {
        items.with(|i| i.0.len()).max(most.copied().unwrap_or(0))
    });
    // The lane's buttons, and one render effect that keeps each following its item.
    let built = StoredValue::new(Vec::new());
    let effect = RenderEffect::new(move |_| {
        items.with(|(items, data)| {
            built.update_value(|slots: &mut Vec<Option<Slot>>| {
                for (i, slot) in slots.iter_mut().enumerate() {
                    if let Some(slot) = slot {
                        slot.follow(items.get(i), data);
                    }
                }
            });
        });
    });
    // A render effect lives as long as its value: the lane's owner keeps it.
    StoredValue::new(effect);
    view! {
        <div class="lane" role="group" aria-label=label hidden=move || rows.with(Option::is_none)>
            <span class="lane-label">{label}</span>
            <div class="lane-track" style:height=move || px(f64::from(rows.get().unwrap_or(1)) * ROW_PX + 8.0)>
                <For
                    each=move || 0..slots.get()
                    key=|slot| *slot
                    children=move |slot| render_slot(&ctx, items, built, slot, set_window.clone())
                />
            </div>
        </div>
    }
}

/// Half the width of a year on the axis, with room to spare (four digits at 0.8rem).
const TICK_HALF_PX: f64 = 18.0;

/// Centre and spread of the active pointers.
fn pointer_geometry(pointers: &[(i32, f64)]) -> (f64, f64) {
    match pointers {
        [] => (0.0, 0.0),
        [(_, x)] => (*x, 0.0),
        [(_, a), (_, b), ..] => ((a + b) / 2.0, (a - b).abs()),
    }
}

/// The class list of an item's button.
fn class_of(data: &Catalog, item: &Item) -> String {
    let mut class = class_of_mark(data, item);
    if let Some(label) = item.label() {
        class.push_str(if label.left_side {
            " labeled label-left"
        } else {
            " labeled"
        });
    }
    class
}

fn class_of_mark(data: &Catalog, item: &Item) -> String {
    match *item {
        Item::Single {
            index,
            width,
            soft,
            selected,
            ..
        } => {
            let study = &data.dataset.studies[index as usize];
            let stage = study.stage;
            let mut class = format!(
                "marker ap-{}",
                study.approaches.first().map_or("other", |a| a.slug())
            );
            for (on, name) in [
                (stage == Stage::Approval, " approval"),
                (stage == Stage::Recognition, " prize"),
                (study.outcome.is_some_and(|o| o.is_setback()), " setback"),
                (width.is_some(), " span"),
                (soft, " soft"),
                (selected, " selected"),
            ] {
                if on {
                    class.push_str(name);
                }
            }
            class
        }
        Item::Cluster { .. } => "cluster".to_owned(),
    }
}

/// What a cluster's badge stands for, as a year or a range of years.
fn cluster_years(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}–{to}")
    }
}

/// A button's accessible name and hover title: a marker's title and date for both; for a
/// cluster, what it holds and that activating it zooms in, and as title only its years (the
/// badge already shows the count, and leaving it out spares a write per badge per keystroke).
/// `lead` is the cluster's lead record's short label.
fn label_and_title(data: &Catalog, item: &Item, lead: Option<&str>) -> (String, String) {
    match *item {
        Item::Single { index, .. } => {
            let study = &data.dataset.studies[index as usize];
            let date = study.date.map(|d| d.human()).unwrap_or_default();
            let circa = if study.circa { "c. " } else { "" };
            let outcome = study
                .outcome
                .map(|o| format!(", {}", o.label().to_ascii_lowercase()))
                .unwrap_or_default();
            let label = format!("{} ({circa}{date}{outcome})", study.shown_title());
            (label.clone(), label)
        }
        Item::Cluster {
            count, from, to, ..
        } => {
            let years = cluster_years(from, to);
            let lead = lead.unwrap_or_default();
            (
                format!("{count} records, {years}, including “{lead}”: zoom in"),
                years,
            )
        }
    }
}

/// The years activating a cluster zooms to: its own, or at least [`MIN_SPAN`].
fn zoom_of(from: i32, to: i32) -> (i32, i32) {
    if to - from < MIN_SPAN {
        (from - 1, to + 1)
    } else {
        (from, to + 1)
    }
}

/// What a button shows for an item, as the strings written into the DOM.
#[derive(Clone, Debug, PartialEq, Default)]
struct Shown {
    class: String,
    id: Option<String>,
    left: String,
    width: Option<String>,
    label: String,
    title: String,
    badge: String,
    top: String,
    /// The short label drawn beside the marker (its `.label` child) and its width (`--label-w`).
    text: Option<String>,
    text_width: Option<String>,
    /// A cluster's lead record and its short label (not written as such): kept so that the next
    /// item, when it is a cluster led by the same record, does not work the label out again. At
    /// 100k records every button is a cluster whose count changes on every keystroke, while its
    /// lead mostly stays.
    lead: Option<(u32, String)>,
}

/// What a button shows for `item`; `before` is what it showed last, from the same records.
fn shown(data: &Catalog, item: &Item, before: &Shown) -> Shown {
    let (left, width, id, badge) = match *item {
        Item::Single {
            index, left, width, ..
        } => (
            left,
            width.map(percent),
            Some(data.dataset.studies[index as usize].id.clone()),
            String::new(),
        ),
        Item::Cluster { count, left, .. } => (left, None, None, count.to_string()),
    };
    let lead = match *item {
        Item::Cluster { lead, .. } => Some(match &before.lead {
            Some((index, label)) if *index == lead => (lead, label.clone()),
            _ => (lead, data.dataset.studies[lead as usize].short_label()),
        }),
        Item::Single { .. } => None,
    };
    let (label, title) = label_and_title(data, item, lead.as_ref().map(|(_, l)| l.as_str()));
    let text = item.label().map(|_| {
        let index = match *item {
            Item::Single { index, .. } => index,
            Item::Cluster { lead, .. } => lead,
        };
        label_text(&data.dataset.studies[index as usize])
    });
    Shown {
        class: class_of(data, item),
        id,
        left: percent(left),
        width,
        label,
        title,
        badge,
        top: px((f64::from(item.row()) + 0.5) * ROW_PX + 4.0),
        text,
        text_width: item.label().map(|l| px(l.px.round())),
        lead,
    }
}

/// Writes into `el` (and its label, `text`) what differs between `old` and `new`.
fn apply(el: &web_sys::HtmlElement, text: &web_sys::Element, old: &Shown, new: &Shown) {
    if old.class != new.class {
        platform::set_attribute(el, "class", Some(&new.class));
    }
    if old.id != new.id {
        platform::set_attribute(el, "data-id", new.id.as_deref());
    }
    if old.left != new.left {
        platform::set_style(el, "left", Some(&new.left));
    }
    if old.width != new.width {
        platform::set_style(el, "width", new.width.as_deref());
    }
    if old.label != new.label {
        platform::set_attribute(el, "aria-label", Some(&new.label));
    }
    if old.title != new.title {
        platform::set_attribute(el, "title", Some(&new.title));
    }
    if old.badge != new.badge {
        platform::set_text(el, &new.badge);
    }
    if old.top != new.top {
        platform::set_style(el, "top", Some(&new.top));
    }
    if old.text != new.text {
        platform::set_text(text, new.text.as_deref().unwrap_or_default());
    }
    if old.text_width != new.text_width {
        platform::set_style(el, "--label-w", new.text_width.as_deref());
    }
}

/// A lane's button as built, and what it shows: the item, as the strings written, from which
/// set of records.
struct Slot {
    button: NodeRef<leptos::html::Button>,
    text: NodeRef<leptos::html::Span>,
    item: Option<Item>,
    shown: Shown,
    from: CatalogRef,
}

impl Slot {
    /// Shows `next` from `data` (hidden when `None`), writing only what differs.
    fn follow(&mut self, next: Option<&Item>, data: &CatalogRef) {
        // A new set of records (the details file arriving, an import) redraws the button: the
        // same item may now have another title.
        if self.item.as_ref() == next && self.from == *data {
            return;
        }
        let (Some(el), Some(text)) = (self.button.get_untracked(), self.text.get_untracked())
        else {
            return;
        };
        // What was shown came from other records when they changed: nothing of it is reused.
        let fresh = Shown::default();
        let before = if self.from == *data {
            &self.shown
        } else {
            &fresh
        };
        match next.map(|next| shown(data, next, before)) {
            Some(new) => {
                if self.item.is_none() {
                    platform::set_attribute(&el, "hidden", None);
                }
                apply(&el, &text, &self.shown, &new);
                self.shown = new;
            }
            // Hidden, and no longer found as a marker or by its record's id (hover linking).
            None => {
                platform::set_attribute(&el, "hidden", Some(""));
                platform::set_attribute(&el, "class", None);
                platform::set_attribute(&el, "data-id", None);
                self.shown.class.clear();
                self.shown.id = None;
            }
        }
        self.from = data.clone();
        self.item = next.cloned();
    }
}

/// The `slot`-th button of a lane, built once from the item in that place now and entered in
/// `built`, through which the lane's render effect keeps it following whatever item is in
/// that place; hidden while the lane has fewer items.
///
/// An unchanged item costs one comparison. The lane has one reactive node for all its buttons:
/// with one per attribute, the graph's bookkeeping for hundreds of cluster badges whose counts
/// change on every keystroke cost more than the writes, and one per button still made ~190
/// nodes for the bundled records, each woken by every keystroke.
fn render_slot(
    ctx: &Ctx,
    items: Memo<(Vec<Item>, CatalogRef)>,
    built: StoredValue<Vec<Option<Slot>>>,
    slot: usize,
    set_window: impl Fn(i32, i32, History) + Clone + Send + Sync + 'static,
) -> AnyView {
    let Some((first, data)) =
        items.with_untracked(|(items, data)| Some((items.get(slot).cloned()?, data.clone())))
    else {
        return ().into_any();
    };
    let initial = shown(&data, &first, &Shown::default());
    let button = NodeRef::<leptos::html::Button>::new();
    let label_el = NodeRef::<leptos::html::Span>::new();
    built.update_value(|slots| {
        if slots.len() <= slot {
            slots.resize_with(slot + 1, || None);
        }
        slots[slot] = Some(Slot {
            button,
            text: label_el,
            item: Some(first),
            shown: initial.clone(),
            from: data,
        });
    });
    let current = move || {
        built.with_value(|slots| {
            slots[slot]
                .as_ref()
                .map(|s| (s.item.clone(), s.shown.id.clone()))
        })
    };
    let ctx = ctx.clone();
    let on_click = move |_| match current() {
        Some((Some(Item::Single { .. }), id)) => ctx.update(History::Push, |s| s.study = id),
        Some((Some(Item::Cluster { from, to, .. }), _)) => {
            let (a, b) = zoom_of(from, to);
            set_window(a, b, History::Push);
        }
        _ => {}
    };
    let Shown {
        class,
        id,
        left,
        width,
        label,
        title,
        badge,
        top,
        text,
        text_width,
        lead: _,
    } = initial;
    view! {
        <button
            type="button"
            node_ref=button
            class=class
            data-id=id
            style:left=left
            style:top=top
            style=("--label-w", text_width)
            style:width=width
            aria-label=label
            title=title
            on:click=on_click
        >
            {badge}
            <span class="label" node_ref=label_el>{text.unwrap_or_default()}</span>
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
            <li><span class="marker setback demo" aria-hidden="true"></span>" setback: failed trial, hold, withdrawal or refusal"</li>
            <li><span class="cluster demo" aria-hidden="true">"3"</span>" several records: activate to zoom in"</li>
        </ul>
        <ApproachKey />
    }
}

/// The colour of each approach among the matching records (the colour a record's marker and
/// card edge take from its first approach).
///
/// Worked out from the matches in the keystroke's own frame (a pass over the hits), not from the
/// facet counts, which come a frame later: the key is part of the results, and following the
/// counts made every keystroke paint the results twice. The pass reads each record's first
/// approach from the catalog's table of one byte per record (`Catalog::first_approaches`).
#[component]
fn ApproachKey() -> impl IntoView {
    let ctx = ctx();
    let present = Memo::new(move |_| {
        ctx.catalog.with(|c| {
            ctx.results
                .with(|r| approaches_among(c.first_approaches(), &r.hits))
        })
    });
    view! {
        <ul class="legend approach-key" aria-label="Colours by approach">
            // Rebuilt only when the set of colours changes (the memo compares): a keyed list
            // would cost more code in the first load than it saves here.
            {move || {
                present
                    .get()
                    .into_iter()
                    .map(|approach| view! {
                        <li><span class=format!("swatch ap-{}", approach.slug()) aria-hidden="true"></span>{approach.label()}</li>
                    })
                    .collect_view()
            }}
        </ul>
    }
}
