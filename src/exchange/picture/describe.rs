//! What the app calls to describe what it has drawn as a [`Picture`](super::Picture): the
//! timeline's plot and the bedside rows, turned into plain marks and steps. This part is linked
//! into the app (the rest of the module only into the worker), so it stays small.

use super::{BedsideRow, Kind, Label, Lane, Mark, Shape, Timeline};
use crate::data::{Approach, Stage, Study};
use crate::timeline_plot::{Item, Plot, label_text, ticks};

/// The timeline `plot` of `studies`, drawn `width` pixels wide for the window `years`.
pub fn timeline(plot: &Plot, studies: &[Study], width: f64, years: (i32, i32)) -> Timeline {
    let width = if width > 0.0 { width } else { 900.0 };
    let lanes = plot
        .lanes
        .iter()
        .map(|lane| Lane {
            label: lane.label.clone(),
            rows: lane.rows,
            marks: lane
                .items
                .iter()
                .map(|item| mark(item, studies, width))
                .collect(),
        })
        .collect();
    Timeline {
        width,
        years,
        ticks: ticks(years.0, years.1, width)
            .into_iter()
            .map(|(year, left)| (year, left / 100.0 * width))
            .collect(),
        lanes,
        footnote: plot.footnote(),
    }
}

fn mark(item: &Item, studies: &[Study], width: f64) -> Mark {
    let (kind, record) = match *item {
        Item::Single {
            index,
            width: bar,
            soft,
            ..
        } => {
            let study = &studies[index as usize];
            (Kind::Record(shape(study, bar.is_some(), soft)), study)
        }
        Item::Cluster { count, lead, .. } => (Kind::Cluster(count as u32), &studies[lead as usize]),
    };
    Mark {
        x: item.x(width),
        row: item.row(),
        half: item.half(width),
        kind,
        approach: match kind {
            Kind::Record(_) => Some(
                record
                    .approaches
                    .first()
                    .copied()
                    .unwrap_or(Approach::Other),
            ),
            Kind::Cluster(_) => None,
        },
        label: item.label().map(|label| Label {
            text: label_text(record),
            px: label.px,
            left_side: label.left_side,
        }),
    }
}

/// A record's marker, in the precedence of the app's stylesheet: a setback's cross over a
/// prize's rings over an approval's diamond over a period's bar or hollow dot.
fn shape(study: &Study, bar: bool, soft: bool) -> Shape {
    if study.outcome.is_some_and(|o| o.is_setback()) {
        Shape::Setback
    } else if study.stage == Stage::Recognition {
        Shape::Prize
    } else if study.stage == Stage::Approval {
        Shape::Approval
    } else if bar {
        Shape::Bar
    } else if soft {
        Shape::Soft
    } else {
        Shape::Dot
    }
}

/// The bench-to-bedside rows (`bedside::firsts`) with each step's year and short label.
pub fn bedside(studies: &[Study], rows: &[(Approach, [Option<usize>; 4])]) -> Vec<BedsideRow> {
    rows.iter()
        .map(|&(approach, steps)| BedsideRow {
            approach,
            steps: steps.map(|step| {
                let study = &studies[step?];
                Some((study.date?.year, study.short_label()))
            }),
        })
        .collect()
}
