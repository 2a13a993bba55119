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
/// record count, most important record with its [`importance`]).
type Group = (f64, u32, u32, usize, (u8, u32));
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
        /// The row of the lane it is drawn in (0 at the top) and its label, if it has room.
        row: u16,
        label: Option<Label>,
    },
    Cluster {
        count: usize,
        left: f64,
        from: i32,
        to: i32,
        row: u16,
        /// The label of its most important record ([`lead`]), if it has room.
        label: Option<Label>,
        /// That record.
        lead: u32,
    },
}

/// Where an item's label goes: its width in pixels (the text is cut to it) and on which side of
/// the marker.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Label {
    pub px: f64,
    pub left_side: bool,
}

impl Item {
    /// The item's x on the track, in pixels.
    pub fn x(&self, width: f64) -> f64 {
        match self {
            Item::Single { left, .. } | Item::Cluster { left, .. } => left / 100.0 * width,
        }
    }

    pub fn row(&self) -> u16 {
        match self {
            Item::Single { row, .. } | Item::Cluster { row, .. } => *row,
        }
    }

    pub fn label(&self) -> Option<Label> {
        match self {
            Item::Single { label, .. } | Item::Cluster { label, .. } => *label,
        }
    }

    /// Half the width of the item's marker, bar or badge on a track `width` pixels wide: the box
    /// it needs whatever its label.
    pub fn half(&self, width: f64) -> f64 {
        match self {
            Item::Single { width: bar, .. } => {
                MARKER_HALF_PX.max(bar.unwrap_or(0.0) / 100.0 * width / 2.0)
            }
            Item::Cluster { count, .. } => {
                CLUSTER_HALF_PX.max(count.to_string().len() as f64 * 4.5 + 7.0)
            }
        }
    }

    /// The box the item takes in its row, in pixels from the track's left edge: the marker, and
    /// the label beside it (with [`LABEL_GAP_PX`] between them).
    pub fn extent(&self, width: f64) -> (f64, f64) {
        let (x, half) = (self.x(width), self.half(width));
        match self.label() {
            None => (x - half, x + half),
            Some(Label {
                px,
                left_side: false,
            }) => (x - half, x + half + LABEL_GAP_PX + px),
            Some(Label {
                px,
                left_side: true,
            }) => (x - half - LABEL_GAP_PX - px, x + half),
        }
    }
}

/// Half a marker's 24 px target.
pub const MARKER_HALF_PX: f64 = 12.0;
/// Half a count badge's narrowest width.
const CLUSTER_HALF_PX: f64 = 13.0;
/// Between a marker and its label.
pub const LABEL_GAP_PX: f64 = 4.0;
/// The height of a lane's row.
pub const ROW_PX: f64 = 26.0;
/// A generous width per character of a label at the timeline's font size; the drawn text is cut
/// with an ellipsis at the width given, so an underestimate can shorten a label but never make
/// two overlap.
const CHAR_PX: f64 = 7.0;
/// A label narrower than this would show too little to read, so the item goes without.
const MIN_LABEL_PX: f64 = 56.0;
/// Rows a lane may grow to.
const MAX_ROWS: u16 = 3;
/// With this many matches or fewer, nothing is clustered and every match is labelled (lanes
/// grow to [`MAX_ROWS_FEW`] rows for it).
pub const LABEL_ALL: usize = 30;
const MAX_ROWS_FEW: u16 = 16;
/// With this many matches or fewer, the counts in a crowded lane (the fixed grid) are labelled
/// with their lead record too: a dense stretch of a few hundred records (checkpoint inhibitors
/// in 2014–2019) reads as names, not a row of numbers. Above it (tens of thousands of synthetic
/// records) the leads change with nearly every keystroke, and relaying out hundreds of label
/// texts per key cost more than the labels told.
pub const LABEL_CROWDED: usize = 2_000;

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub label: String,
    pub items: Vec<Item>,
    /// How many rows its items take (at least 1).
    pub rows: u16,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Plot {
    pub lanes: Vec<Lane>,
    pub undated: usize,
    pub outside: usize,
}

impl Plot {
    /// What the chart leaves out, in words, if anything.
    pub fn footnote(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.outside > 0 {
            parts.push(format!("{} outside the visible years", self.outside));
        }
        if self.undated > 0 {
            parts.push(format!("{} undated (shown in the list)", self.undated));
        }
        (!parts.is_empty()).then(|| format!("Not on the timeline: {}.", parts.join("; ")))
    }
}

/// The words a record's label shows beside its marker and in the match list: its short label,
/// after its outcome's mark when it is a setback (which says so in words, not only by shape).
pub fn label_text(study: &Study) -> String {
    match study.outcome {
        Some(outcome) if outcome.is_setback() => {
            format!("{} {}", outcome.mark(), study.short_label())
        }
        _ => study.short_label(),
    }
}

/// The visible window as whole years, inclusive: the user's zoom when they have zoomed or
/// panned; else the year filter; else `fit`, the years of the matching records (see [`extent`]),
/// with a margin; else everything.
pub fn window_of(state: &ViewState, first: i32, last: i32, fit: Option<(i32, i32)>) -> (i32, i32) {
    match state.zoom {
        Some(YearSpan { start, end }) => {
            (start.max(first), end.min(last).max(start.max(first) + 1))
        }
        None if state.year_from.is_some() || state.year_to.is_some() => {
            let from = state.year_from.unwrap_or(first).max(first);
            let to = state.year_to.unwrap_or(last).min(last);
            (from, to.max(from + 1))
        }
        None => match fit {
            Some((a, b)) => {
                let margin = ((b - a) / 20).max(1);
                // Snapped to 5 or 10 years on wide spans, so typing that moves the matches'
                // extent by a year or two leaves the window (and every marker) where it is.
                let step = match b - a {
                    span if span > 60 => 10,
                    span if span > 20 => 5,
                    _ => 1,
                };
                let from = (a - margin).div_euclid(step) * step;
                let to = (b + margin + step - 1).div_euclid(step) * step;
                let (mut from, mut to) = (from.max(first), to.min(last));
                // Never narrower than the narrowest zoom.
                while to - from < MIN_SPAN {
                    if from > first {
                        from -= 1;
                    } else if to < last {
                        to += 1;
                    } else {
                        break;
                    }
                }
                (from, to.max(from + 1))
            }
            None => (first, last.max(first + 1)),
        },
    }
}

/// The first and last year of the dated records among `hits` (`points` as [`points`] made
/// them, for `len` records), or `None` when none is dated.
pub fn extent(points: &[(u32, Point)], hits: &[u32], len: usize) -> Option<(i32, i32)> {
    let mut is_hit = vec![false; len];
    for &index in hits {
        if let Some(slot) = is_hit.get_mut(index as usize) {
            *slot = true;
        }
    }
    // Points are in midpoint order: the first and last hit met are the extremes.
    let first = points.iter().find(|(i, _)| is_hit[*i as usize])?;
    let last = points.iter().rev().find(|(i, _)| is_hit[*i as usize])?;
    Some((first.1.at.floor() as i32, last.1.at.floor() as i32))
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
    /// How much its label should win a place ([`importance`]), so the walk need not read the
    /// record itself.
    pub rank: u8,
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
                rank: importance(study),
            };
            Some((index as u32, point))
        })
        .collect();
    crate::order::sort_by(&mut points, |a, b| a.1.at.total_cmp(&b.1.at));
    Points(Arc::new(points))
}

/// The lane of records that do not say what `lanes` groups by.
const UNSPECIFIED: &str = "Not specified";
const NO_CANCER: &str = "No specific cancer";
/// The one lane of [`Lanes::None`].
const ALL_RECORDS: &str = "All records";

/// The lane a record belongs to, as (sort key, label); "not specified" sorts last.
fn lane_of(point: &Point, lanes: Lanes) -> (usize, &'static str) {
    let value = |value: u8| (value != NONE).then_some(usize::from(value));
    match lanes {
        Lanes::Approach => value(point.approach)
            .and_then(|i| Approach::ALL.get(i))
            .map_or((usize::MAX, UNSPECIFIED), |a| (*a as usize, a.label())),
        Lanes::CancerType => value(point.cancer_type)
            .and_then(|i| CancerType::ALL.get(i))
            .map_or((usize::MAX, NO_CANCER), |c| (*c as usize, c.label())),
        Lanes::Stage => Stage::ALL
            .get(usize::from(point.stage))
            .map_or((usize::MAX, UNSPECIFIED), |s| (*s as usize, s.label())),
        Lanes::None => (0, ALL_RECORDS),
    }
}

/// Every lane [`plot`] can draw for `lanes`, in its order. The timeline keeps one of each and
/// hides those without matches, so typing shows and hides lanes instead of building and
/// dropping them with all their buttons.
pub fn lane_labels(lanes: Lanes) -> Vec<&'static str> {
    let labels: Vec<&'static str> = match lanes {
        Lanes::Approach => Approach::ALL.iter().map(|a| a.label()).collect(),
        Lanes::CancerType => CancerType::ALL.iter().map(|c| c.label()).collect(),
        Lanes::Stage => Stage::ALL.iter().map(|s| s.label()).collect(),
        Lanes::None => return vec![ALL_RECORDS],
    };
    let last = if lanes == Lanes::CancerType {
        NO_CANCER
    } else {
        UNSPECIFIED
    };
    labels.into_iter().chain([last]).collect()
}

/// How long the period named by `date` is, in years.
fn precision_years(date: &PartialDate) -> f64 {
    match (date.month, date.day) {
        (Some(_), Some(_)) => 0.0,
        (Some(_), None) => 1.0 / 12.0,
        _ => 1.0,
    }
}

/// Places the hits in the visible `window` of years (from [`window_of`]); `width` is the
/// track's width in pixels.
pub fn plot(
    data: &Catalog,
    points: &[(u32, Point)],
    selected: Option<&str>,
    state: &ViewState,
    hits: &[u32],
    width: f64,
    (start, end): (i32, i32),
) -> Plot {
    let span = f64::from(end + 1 - start);
    let width = if width > 0.0 { width } else { 900.0 };
    let studies = &data.dataset.studies;
    let selected = selected.and_then(|id| data.dataset.index_of(id));
    let mut is_hit = vec![false; studies.len()];
    for &index in hits {
        is_hit[index as usize] = true;
    }
    let mut result = Plot::default();
    // Few matches are all drawn apart and labelled; more are clustered where they crowd.
    let few = hits.len() <= LABEL_ALL;
    let join_px = if few { 0.0 } else { BUCKET_PX };
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
        let rank = (point.rank, index);
        add_to(groups, px, rank, |at| px - at < join_px);
        // The same records in a fixed grid, for a lane that turns out to be crowded. A group's
        // x is its bucket's number here.
        let bucket = (px / bucket_px).floor();
        add_to(&mut grids[key.min(LANE_SLOTS - 1)], bucket, rank, |at| {
            at == bucket
        });
    }
    result.undated = hits.len() - dated;
    result.lanes = by_lane
        .into_iter()
        .zip(grids)
        .filter_map(|(lane, grid)| {
            let (label, groups) = lane?;
            let crowded = !few && groups.len() as f64 > width / DENSE_BUCKET_PX;
            let groups = if crowded { &grid } else { &groups };
            let mut items = items(groups, width, span, start, studies, selected);
            if crowded {
                into_buckets(&mut items, &grid, bucket_px, width, span, start);
            }
            let max_rows = if few { MAX_ROWS_FEW } else { MAX_ROWS };
            let label_clusters = !crowded || hits.len() <= LABEL_CROWDED;
            let rows = stack(&mut items, studies, width, max_rows, label_clusters);
            Some(Lane {
                label: label.to_owned(),
                items,
                rows,
            })
        })
        .collect();
    result
}

/// Adds record `index` (with its importance) at `x` to the last of `groups` if `joins` that
/// group's x, else as a new group. A group's lead is its most important record, the earliest of
/// equals.
fn add_to(groups: &mut Vec<Group>, x: f64, (rank, index): (u8, u32), joins: impl Fn(f64) -> bool) {
    match groups.last_mut() {
        Some((at, _, last, count, lead)) if joins(*at) => {
            *last = index;
            *count += 1;
            if rank > lead.0 {
                *lead = (rank, index);
            }
        }
        _ => groups.push((x, index, index, 1, (rank, index))),
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
                *left = crate::number::clamp(*left, inner.0, inner.1);
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
        .map(|&(x, first, last, count, (_, lead))| {
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
                    row: 0,
                    label: None,
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
                    row: 0,
                    label: None,
                    lead,
                }
            }
        })
        .collect()
}

/// How much a record's label should win a place over others': milestones, then approvals and
/// prizes, then setbacks (a failure is news), then the rest.
fn importance(study: &Study) -> u8 {
    if study.milestone {
        3
    } else if matches!(study.stage, Stage::Approval | Stage::Recognition) {
        2
    } else if study.outcome.is_some_and(|o| o.is_setback()) {
        1
    } else {
        0
    }
}

/// How wide a record's short label would be drawn, in pixels.
fn label_px(study: &Study) -> f64 {
    let chars = match &study.label {
        Some(label) => label.chars().count(),
        None => study
            .title
            .chars()
            .count()
            .min(crate::data::model::MAX_LABEL),
    };
    chars as f64 * CHAR_PX
}

/// Gives a lane's items (in x order) their rows and, where there is room, their labels; returns
/// how many rows the lane takes.
///
/// Items are placed left to right, each in the lowest row that is free where its box starts
/// (as vis-timeline stacks items). A label goes right of its marker, or left when the track
/// ends first, in the first `max_rows` rows, and only if after it some row is still free where
/// the next item starts, so no label pushes a marker out; a marker that finds no free row (wide
/// count badges can sit closer than their widths) opens a new one. No two boxes in a row ever
/// overlap. An ordinary label must leave two
/// rows free when its span would reach a more important item, so milestones, approvals and
/// prizes get theirs first when a stretch is dense.
///
/// In a crowded lane of more than [`LABEL_CROWDED`] matches counts are not labelled
/// (`label_clusters` is false).
fn stack(
    items: &mut [Item],
    studies: &[Study],
    width: f64,
    max_rows: u16,
    label_clusters: bool,
) -> u16 {
    let mut row_end = vec![f64::NEG_INFINITY; usize::from(max_rows.max(1))];
    let mut used = 0;
    let starts: Vec<f64> = items.iter().map(|i| i.x(width) - i.half(width)).collect();
    let ranks: Vec<u8> = items
        .iter()
        .map(|item| match *item {
            Item::Single { index, .. } => importance(&studies[index as usize]),
            Item::Cluster { lead, .. } => importance(&studies[lead as usize]),
        })
        .collect();
    for i in 0..items.len() {
        let (x, half, start) = (items[i].x(width), items[i].half(width), starts[i]);
        let next = starts.get(i + 1).copied().unwrap_or(f64::INFINITY);
        let free_at = |ends: &[f64], at: f64| ends.iter().filter(|&&end| end <= at).count();
        let wanted = match items[i] {
            Item::Single { index, .. } => label_px(&studies[index as usize]),
            Item::Cluster { lead, .. } if label_clusters => {
                label_px(&studies[lead as usize]) + 6.0 * CHAR_PX
            }
            // No label: below the narrowest label, so none is placed.
            Item::Cluster { .. } => 0.0,
        };
        let room_right = width - (x + half + LABEL_GAP_PX);
        let room_left = x - half - LABEL_GAP_PX;
        let mut placed = None;
        // The side with room for the whole label first (the right when both have).
        let sides = if room_right >= wanted || room_right >= room_left {
            [false, true]
        } else {
            [true, false]
        };
        'rows: for (r, &end) in row_end.iter().enumerate().take(usize::from(max_rows)) {
            for left_side in sides {
                let room = if left_side { room_left } else { room_right };
                let px = wanted.min(room);
                if px < MIN_LABEL_PX {
                    continue;
                }
                let (box_start, box_end) = if left_side {
                    (x - half - LABEL_GAP_PX - px, x + half)
                } else {
                    (start, x + half + LABEL_GAP_PX + px)
                };
                if box_start < end {
                    continue;
                }
                let mut after = row_end.clone();
                after[r] = box_end;
                // Stronger items this label would reach, and how many rows must stay free.
                let reaches_stronger = (i + 1..items.len())
                    .take_while(|&j| starts[j] < box_end)
                    .any(|j| ranks[j] > ranks[i]);
                let keep_free = if reaches_stronger { 2 } else { 1 };
                if free_at(&after, next) >= keep_free.min(usize::from(max_rows)) {
                    placed = Some((r, box_end, Some(Label { px, left_side })));
                    break 'rows;
                }
            }
        }
        let (r, end, label) = placed.unwrap_or_else(|| {
            // No room for a label: the marker alone, in the lowest free row, or a new row when
            // wide count badges leave none (the lane grows, as vis-timeline's do).
            let r = row_end
                .iter()
                .position(|&end| end <= start)
                .unwrap_or_else(|| {
                    row_end.push(f64::NEG_INFINITY);
                    row_end.len() - 1
                });
            (r, x + half, None)
        });
        row_end[r] = end;
        used = used.max(r + 1);
        match &mut items[i] {
            Item::Single {
                row,
                label: slot,
                width: bar,
                soft,
                ..
            } => {
                *row = r as u16;
                if label.is_some() {
                    // A labelled period is drawn as an imprecise marker, not a bar under text.
                    *soft |= bar.take().is_some();
                }
                *slot = label;
            }
            Item::Cluster {
                row, label: slot, ..
            } => {
                *row = r as u16;
                *slot = label;
            }
        }
    }
    used.max(1) as u16
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

/// The approaches that are the first of at least one of `hits`, in vocabulary order
/// (`firsts` as [`Catalog::first_approaches`] gives them).
pub fn approaches_among(firsts: &[u8], hits: &[u32]) -> Vec<Approach> {
    let mut seen = [false; 256];
    for &hit in hits {
        if let Some(&first) = firsts.get(hit as usize) {
            seen[usize::from(first)] = true;
        }
    }
    Approach::ALL
        .iter()
        .copied()
        .filter(|&a| seen[a as usize])
        .collect()
}
