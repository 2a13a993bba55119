//! Where the timeline's records go: lanes, clusters and buckets for a window of years and a
//! track width. Pure (no DOM), so it is tested natively; `components::timeline` draws it.

use crate::data::{Approach, CancerType, PartialDate, Stage, Study};
use crate::library::Catalog;
use crate::view_state::{Lanes, ViewState, YearSpan};
use std::sync::Arc;

/// Horizontal room per marker before neighbours are clustered, in pixels.
pub const BUCKET_PX: f64 = 28.0;
/// The room per item in a lane too crowded to hold every group [`BUCKET_PX`] apart. Such a lane
/// is drawn as a fixed grid of buckets at least this wide, so badges with three- and four-digit counts
/// do not overlap, a lane of thousands of records stays a couple of dozen buttons, and typing
/// changes a bucket's count but not its place or years (restyling hundreds of moved buttons
/// per keystroke was most of the 100k timeline's paint time).
pub const DENSE_BUCKET_PX: f64 = 48.0;
/// How far a lone record in a crowded lane keeps from its bucket's edges, in pixels, so it never
/// overlaps the neighbouring buckets' buttons (drawn at their centres).
const DENSE_INSET_PX: f64 = 12.0;
/// Neighbouring records drawn as one item: (pixel x of the first, first record, last record,
/// record count).
type Group = (f64, u32, u32, usize);
/// A lane's label and its groups, left to right.
type LaneGroups = (&'static str, Vec<Group>);
/// Lane slots: more than any vocabulary has values, the last one for "not specified".
const LANE_SLOTS: usize = 64;
/// The narrowest zoom window, in years.
pub const MIN_SPAN: i32 = 2;

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Single {
        index: u32,
        left: f64,
        width: Option<f64>,
        soft: bool,
        selected: bool,
    },
    Cluster {
        count: usize,
        left: f64,
        from: i32,
        to: i32,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub label: String,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Plot {
    pub lanes: Vec<Lane>,
    pub undated: usize,
    pub outside: usize,
}

/// The visible window as whole years, inclusive.
pub fn window_of(state: &ViewState, first: i32, last: i32) -> (i32, i32) {
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

/// What the plot reads of a record, packed so a walk over 100k of them stays in cache: its
/// date's midpoint (in years) and the values its lane can be chosen by.
#[derive(Clone, Copy, Debug)]
pub struct Point {
    /// The date's midpoint.
    pub at: f64,
    /// The first approach and cancer type, as vocabulary positions, or [`NONE`].
    pub approach: u8,
    pub cancer_type: u8,
    pub stage: u8,
}

/// [`Point`]'s "not specified".
const NONE: u8 = u8::MAX;

/// The dated records' points with their indices, in the order of their midpoints (a year-only
/// date sits mid-year, after the same year's January dates, so this is not quite record order);
/// made once per set of records. In this order the plot reads them front to back; looked up by
/// index, 100k records' points were read all over memory (the plot's own script in the browser:
/// 2.2 ms per keystroke then, 1.2–1.3 ms now).
#[derive(Clone, Debug)]
pub struct Points(pub Arc<Vec<(u32, Point)>>);

impl PartialEq for Points {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

pub fn points(studies: &[Study]) -> Points {
    let mut points: Vec<(u32, Point)> = studies
        .iter()
        .enumerate()
        .filter_map(|(index, study)| {
            let date = study.date?;
            let point = Point {
                at: date.midpoint(),
                approach: study.approaches.first().map_or(NONE, |&a| a as u8),
                cancer_type: study.cancer_types.first().map_or(NONE, |&c| c as u8),
                stage: study.stage as u8,
            };
            Some((index as u32, point))
        })
        .collect();
    crate::order::sort_by(&mut points, |a, b| a.1.at.total_cmp(&b.1.at));
    Points(Arc::new(points))
}

/// The lane a record belongs to, as (sort key, label); "not specified" sorts last.
fn lane_of(point: &Point, lanes: Lanes) -> (usize, &'static str) {
    let value = |value: u8| (value != NONE).then_some(usize::from(value));
    match lanes {
        Lanes::Approach => value(point.approach)
            .and_then(|i| Approach::ALL.get(i))
            .map_or((usize::MAX, "Not specified"), |a| (*a as usize, a.label())),
        Lanes::CancerType => value(point.cancer_type)
            .and_then(|i| CancerType::ALL.get(i))
            .map_or((usize::MAX, "No specific cancer"), |c| {
                (*c as usize, c.label())
            }),
        Lanes::Stage => Stage::ALL
            .get(usize::from(point.stage))
            .map_or((usize::MAX, "Not specified"), |s| (*s as usize, s.label())),
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

/// Places the hits in the visible window: `full` is the whole span of years the timeline
/// covers, `width` the track's width in pixels.
pub fn plot(
    data: &Catalog,
    points: &[(u32, Point)],
    selected: Option<&str>,
    state: &ViewState,
    hits: &[u32],
    width: f64,
    (first, last): (i32, i32),
) -> Plot {
    let (start, end) = window_of(state, first, last);
    let span = f64::from(end + 1 - start);
    let width = if width > 0.0 { width } else { 900.0 };
    let studies = &data.dataset.studies;
    let selected = selected.and_then(|id| data.dataset.index_of(id));
    let mut is_hit = vec![false; studies.len()];
    for &index in hits {
        is_hit[index as usize] = true;
    }
    let mut result = Plot::default();
    // The hits met below are the dated ones; the rest are undated.
    let mut dated = 0;
    // One slot per lane, by the lane's sort key ("not specified" last). Walking the records
    // in midpoint order gives each lane its points sorted.
    let mut by_lane: Vec<Option<LaneGroups>> = vec![None; LANE_SLOTS];
    let mut grids: Vec<Vec<Group>> = vec![Vec::new(); LANE_SLOTS];
    // The grid's buckets fill the track exactly, so the last one is not cut off.
    let bucket_px = width / (width / DENSE_BUCKET_PX).floor().max(1.0);
    for (index, point) in points {
        let index = *index;
        if !is_hit[index as usize] {
            continue;
        }
        dated += 1;
        let x = point.at - f64::from(start);
        if !(0.0..span).contains(&x) {
            result.outside += 1;
            continue;
        }
        let (key, label) = lane_of(point, state.lanes);
        let groups = &mut by_lane[key.min(LANE_SLOTS - 1)]
            .get_or_insert_with(|| (label, Vec::new()))
            .1;
        // A new item starts only [`BUCKET_PX`] or more to the right of the previous one, so
        // targets never crowd each other.
        let px = x / span * width;
        add_to(groups, px, index, |at| px - at < BUCKET_PX);
        // The same records in a fixed grid, for a lane that turns out to be crowded. A group's
        // x is its bucket's number here.
        let bucket = (px / bucket_px).floor();
        add_to(&mut grids[key.min(LANE_SLOTS - 1)], bucket, index, |at| {
            at == bucket
        });
    }
    result.undated = hits.len() - dated;
    result.lanes = by_lane
        .into_iter()
        .zip(grids)
        .filter_map(|(lane, grid)| {
            let (label, groups) = lane?;
            let crowded = groups.len() as f64 > width / DENSE_BUCKET_PX;
            let groups = if crowded { &grid } else { &groups };
            let mut items = items(groups, width, span, start, studies, selected);
            if crowded {
                into_buckets(&mut items, &grid, bucket_px, width, span, start);
            }
            Some(Lane {
                label: label.to_owned(),
                items,
            })
        })
        .collect();
    result
}

/// Adds record `index` at `x` to the last of `groups` if `joins` that group's x, else as a new
/// group.
fn add_to(groups: &mut Vec<Group>, x: f64, index: u32, joins: impl Fn(f64) -> bool) {
    match groups.last_mut() {
        Some((at, _, last, count)) if joins(*at) => {
            *last = index;
            *count += 1;
        }
        _ => groups.push((x, index, index, 1)),
    }
}

/// Redraws the items of a crowded lane's `grid` as its buckets: a cluster at the bucket's
/// centre with the bucket's years, a lone record at its own place but kept [`DENSE_INSET_PX`]
/// inside its bucket.
fn into_buckets(
    items: &mut [Item],
    grid: &[Group],
    bucket_px: f64,
    width: f64,
    span: f64,
    start: i32,
) {
    let percent = |px: f64| px / width * 100.0;
    let year_at = |px: f64| f64::from(start) + px / width * span;
    for (item, &(bucket, ..)) in items.iter_mut().zip(grid) {
        let (from_px, to_px) = (bucket * bucket_px, (bucket + 1.0) * bucket_px);
        match item {
            Item::Single {
                left, width, soft, ..
            } => {
                let inner = (
                    percent(from_px + DENSE_INSET_PX),
                    percent(to_px - DENSE_INSET_PX),
                );
                *left = left.clamp(inner.0, inner.1);
                // No bar across the neighbours: a dated period is drawn as an imprecise marker.
                *soft |= width.take().is_some();
            }
            Item::Cluster { left, from, to, .. } => {
                *left = percent(from_px + bucket_px / 2.0);
                // Every member's midpoint lies in [year_at(from_px), year_at(to_px)).
                *from = year_at(from_px).floor() as i32;
                *to = ((year_at(to_px).ceil() as i32) - 1).max(*from);
            }
        }
    }
}

/// What each group is drawn as: a group of one record at its exact position, a larger one as
/// a cluster.
fn items(
    groups: &[Group],
    width: f64,
    span: f64,
    start: i32,
    studies: &[Study],
    selected: Option<usize>,
) -> Vec<Item> {
    let year = |index: u32| studies[index as usize].date.map_or(start, |d| d.year);
    groups
        .iter()
        .map(|&(x, first, last, count)| {
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
                    selected: selected == Some(first as usize),
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
pub fn ticks(start: i32, end: i32, width: f64) -> Vec<(i32, f64)> {
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
