//! The timeline as a picture: the axis, a lane per group with its marks and labels where the
//! app's plot put them, the footnote, a legend of the shapes and colours used, and the caption.
//! Sizes follow `public/style.css` (24 px markers, 26 px rows, a 9 rem lane-name column).

use super::write::{ACCENT, LINE, MARGIN, MUTED, SMALL, Svg, TEXT, fit, num, text_px, wrap};
use super::{Caption, Kind, Lane, Mark, Shape, Timeline, colour};
use crate::data::Approach;

/// The lane names' column and the gap after it (9 rem and 0.5 rem in the app).
const NAMES_PX: f64 = 144.0;
const TRACK_X: f64 = MARGIN + NAMES_PX + 8.0;
const ROW_PX: f64 = crate::timeline_plot::ROW_PX;
const NAME_SIZE: f64 = 13.6;
/// A setback's colour (`--danger`), whatever the approach.
const DANGER: &str = "#a11d1d";

pub fn draw(timeline: &Timeline, caption: &Caption) -> String {
    let mut svg = Svg::new(TRACK_X + timeline.width + MARGIN);
    let (from, to) = timeline.years;
    let studies = if caption.shown == 1 {
        "study"
    } else {
        "studies"
    };
    let mut subtitle = format!("{} {studies}", caption.shown);
    for part in [caption.matching.as_str(), &format!("drawn {from}–{to}")] {
        if !part.trim().is_empty() {
            subtitle.push_str(" · ");
            subtitle.push_str(part.trim());
        }
    }
    let mut y = svg.heading(crate::TITLE, &subtitle);
    y = axis(&mut svg, timeline, y);
    for lane in &timeline.lanes {
        y = draw_lane(&mut svg, lane, timeline.width, y);
    }
    if let Some(footnote) = &timeline.footnote {
        let lines = wrap(footnote, svg.width - 2.0 * MARGIN, SMALL, 3);
        y = svg.lines(
            MARGIN,
            y + 20.0,
            SMALL,
            &format!(r#" fill="{MUTED}""#),
            &lines,
        );
    }
    y = legend(&mut svg, timeline, y + 16.0);
    let height = svg.caption(y + 12.0, caption);
    let title = format!("{} · {subtitle}", crate::TITLE);
    svg.finish(height, &title, caption)
}

/// The years above the lanes; returns the y of the axis line.
fn axis(svg: &mut Svg, timeline: &Timeline, top: f64) -> f64 {
    let y = top + 28.0;
    for &(year, x) in &timeline.ticks {
        let attrs = format!(r#" text-anchor="middle" fill="{MUTED}""#);
        svg.text(TRACK_X + x, y - 6.0, SMALL, &attrs, &year.to_string());
    }
    svg.raw(format_args!(
        r#"<path d="M{} {}h{}" stroke="{LINE}"/>"#,
        num(TRACK_X),
        num(y),
        num(timeline.width)
    ));
    y
}

/// A lane: its name beside its track, as tall as the taller of the two; returns its bottom.
fn draw_lane(svg: &mut Svg, lane: &Lane, width: f64, top: f64) -> f64 {
    let track = f64::from(lane.rows.max(1)) * ROW_PX + 8.0;
    let names = wrap(&lane.label, NAMES_PX, NAME_SIZE, 4);
    let leading = NAME_SIZE * 1.35;
    let name_height = names.len() as f64 * leading + 8.0;
    let height = track.max(name_height);
    let name_top = top + (height - names.len() as f64 * leading) / 2.0 + NAME_SIZE - 2.0;
    svg.lines(
        MARGIN,
        name_top,
        NAME_SIZE,
        &format!(r#" fill="{MUTED}""#),
        &names,
    );
    let track_top = top + (height - track) / 2.0;
    for (mark, room) in lane.marks.iter().zip(label_room(&lane.marks, width)) {
        let y = track_top + (f64::from(mark.row) + 0.5) * ROW_PX + 4.0;
        draw_mark(svg, mark, TRACK_X + mark.x, y, room);
    }
    let bottom = top + height;
    svg.raw(format_args!(
        r#"<path d="M{} {}H{}" stroke="{LINE}" stroke-dasharray="4 3"/>"#,
        num(MARGIN),
        num(bottom),
        num(TRACK_X + width)
    ));
    bottom
}

/// How wide each mark's label may be: the width the plot gave it and the free space beyond it
/// in its row, up to the next mark's box (half each when two labels face each other across a
/// gap) or the track's end. The plot's widths are what the screen's font needed; without a font
/// the picture estimates generously, and this room spares a label the screen shows whole from
/// being cut. No two labels' rooms meet, as no two of the plot's boxes do.
fn label_room(marks: &[Mark], width: f64) -> Vec<f64> {
    let mut room: Vec<f64> = marks
        .iter()
        .map(|m| m.label.as_ref().map_or(0.0, |l| l.px))
        .collect();
    // Each mark's box in its row, as the plot laid it out: (row, start, end, label side).
    let boxes: Vec<(u16, f64, f64, Option<bool>)> = marks
        .iter()
        .map(|m| {
            let (mut start, mut end) = (m.x - m.half, m.x + m.half);
            match &m.label {
                Some(l) if l.left_side => start -= 4.0 + l.px,
                Some(l) => end += 4.0 + l.px,
                None => {}
            }
            (m.row, start, end, m.label.as_ref().map(|l| l.left_side))
        })
        .collect();
    // The marks come left to right (as the plot placed them), so within a row each box's
    // neighbours are the previous and next marks of that row.
    let mut previous: Vec<Option<usize>> = Vec::new();
    let mut neighbours: Vec<(Option<usize>, Option<usize>)> = vec![(None, None); marks.len()];
    for (i, &(row, ..)) in boxes.iter().enumerate() {
        let row = usize::from(row);
        if previous.len() <= row {
            previous.resize(row + 1, None);
        }
        if let Some(j) = previous[row].replace(i) {
            neighbours[i].0 = Some(j);
            neighbours[j].1 = Some(i);
        }
    }
    for (at, &(before, after)) in neighbours.iter().enumerate() {
        let (_, start, end, side) = boxes[at];
        room[at] += match side {
            // Leftwards: to the previous box, or half the gap if its label faces this one.
            Some(true) => match before {
                Some(j) if boxes[j].3 == Some(false) => (start - boxes[j].2).max(0.0) / 2.0,
                Some(j) => (start - boxes[j].2).max(0.0),
                None => start.max(0.0),
            },
            Some(false) => match after {
                Some(j) if boxes[j].3 == Some(true) => (boxes[j].1 - end).max(0.0) / 2.0,
                Some(j) => (boxes[j].1 - end).max(0.0),
                None => (width - end).max(0.0),
            },
            None => 0.0,
        };
    }
    room
}

/// A mark centred at (`x`, `y`) and its label, which may be `room` pixels wide.
fn draw_mark(svg: &mut Svg, mark: &Mark, x: f64, y: f64, room: f64) {
    // A group per mark, so the marker and its label move together in an editor.
    match mark.kind {
        Kind::Record(shape) => {
            svg.raw(format_args!(r#"<g class="record {}">"#, class(shape)));
            symbol(svg, shape, colour(mark.approach), x, y, mark.half);
        }
        Kind::Cluster(count) => {
            svg.raw(format_args!(r#"<g class="count">"#));
            badge(svg, count, x, y, mark.half);
        }
    }
    if let Some(label) = &mark.label {
        draw_label(svg, mark, &label.text, label.left_side, x, y, room);
    }
    svg.raw(format_args!("</g>"));
}

/// The name of a shape, as the app's marker classes have it.
fn class(shape: Shape) -> &'static str {
    match shape {
        Shape::Dot => "dot",
        Shape::Soft => "soft",
        Shape::Bar => "span",
        Shape::Approval => "approval",
        Shape::Prize => "prize",
        Shape::Setback => "setback",
    }
}

/// A mark's label beside it (left of it for `left_side`), cut and clipped to `room` pixels.
fn draw_label(svg: &mut Svg, mark: &Mark, text: &str, left_side: bool, x: f64, y: f64, room: f64) {
    let (near, anchor) = if left_side {
        (x - mark.half - 4.0, r#" text-anchor="end""#)
    } else {
        (x + mark.half + 4.0, "")
    };
    let start = if left_side { near - room } else { near };
    let style = match mark.kind {
        Kind::Cluster(_) => format!(r#" font-style="italic" fill="{MUTED}"{anchor}"#),
        Kind::Record(_) => format!(r#" fill="{TEXT}"{anchor}"#),
    };
    let text = fit(text, room, 12.0);
    svg.clipped_text(
        (start, y - 10.0, room, 20.0),
        (near, y + 4.0),
        &style,
        &text,
    );
}

/// A record's marker as the app's stylesheet draws it: `half` is half its width (a bar's is
/// its period's).
pub fn symbol(svg: &mut Svg, shape: Shape, ap: &str, x: f64, y: f64, half: f64) {
    let (x, y) = (num(x), num(y));
    match shape {
        Shape::Dot => svg.raw(format_args!(
            r#"<circle cx="{x}" cy="{y}" r="9.5" fill="none" stroke="{ap}"/><circle cx="{x}" cy="{y}" r="7" fill="{ap}"/>"#
        )),
        Shape::Soft => svg.raw(format_args!(
            r##"<circle cx="{x}" cy="{y}" r="5" fill="#ffffff" stroke="{ap}" stroke-width="2" stroke-dasharray="3 2"/>"##
        )),
        Shape::Bar => svg.raw(format_args!(
            r#"<g transform="translate({x} {y})"><rect x="{}" y="-7.5" width="{}" height="15" rx="7.5" fill="none" stroke="{ap}"/><rect x="{}" y="-5" width="{}" height="10" rx="5" fill="{ap}"/></g>"#,
            num(-half - 2.5),
            num(2.0 * half + 5.0),
            num(-half),
            num(2.0 * half)
        )),
        Shape::Approval => svg.raw(format_args!(
            r#"<g transform="translate({x} {y}) rotate(45)"><rect x="-9" y="-9" width="18" height="18" rx="4.5" fill="none" stroke="{TEXT}"/><rect x="-6.5" y="-6.5" width="13" height="13" rx="2" fill="{ap}"/></g>"#
        )),
        Shape::Prize => svg.raw(format_args!(
            r##"<circle cx="{x}" cy="{y}" r="8.3" fill="#ffffff" stroke="{ap}" stroke-width="1.4"/><circle cx="{x}" cy="{y}" r="5.6" fill="none" stroke="{ap}" stroke-width="1.4"/>"##
        )),
        Shape::Setback => svg.raw(format_args!(
            r##"<g transform="translate({x} {y})"><circle r="7" fill="#ffffff" stroke="{DANGER}" stroke-width="2"/><path d="M-3 -3L3 3M3 -3L-3 3" stroke="{DANGER}" stroke-width="2" stroke-linecap="round"/></g>"##
        )),
    }
}

/// A count badge, `half` its half width.
fn badge(svg: &mut Svg, count: u32, x: f64, y: f64, half: f64) {
    svg.raw(format_args!(
        r##"<rect x="{}" y="{}" width="{}" height="26" rx="13" fill="#e3eefb" stroke="{ACCENT}"/>"##,
        num(x - half),
        num(y - 13.0),
        num(2.0 * half)
    ));
    let attrs = format!(r#" font-weight="700" text-anchor="middle" fill="{TEXT}""#);
    svg.text(x, y + 4.5, 12.8, &attrs, &count.to_string());
}

/// What each shape means, in the app's legend's words.
const MEANINGS: [(Shape, &str); 6] = [
    (Shape::Dot, "exact date"),
    (Shape::Soft, "year or month only, or circa"),
    (Shape::Bar, "a month or year, drawn across it"),
    (Shape::Approval, "approval"),
    (Shape::Prize, "prize / recognition"),
    (
        Shape::Setback,
        "setback: failed trial, hold, withdrawal or refusal",
    ),
];

/// The shapes and the approaches' colours the picture uses, in rows that wrap at its width;
/// returns the y below them.
fn legend(svg: &mut Svg, timeline: &Timeline, top: f64) -> f64 {
    let marks = || timeline.lanes.iter().flat_map(|l| &l.marks);
    let mut entries: Vec<(Kind, &str)> = MEANINGS
        .iter()
        .map(|&(shape, words)| (Kind::Record(shape), words))
        .filter(|&(kind, _)| marks().any(|m| m.kind == kind))
        .collect();
    if marks().any(|m| matches!(m.kind, Kind::Cluster(_))) {
        entries.push((Kind::Cluster(3), "several records (how many)"));
    }
    svg.raw(format_args!(r#"<g class="legend">"#));
    let mut flow = Flow {
        x: MARGIN,
        y: top + 12.0,
        right: svg.width - MARGIN,
    };
    for (kind, words) in entries {
        let (x, y) = flow.place(24.0 + 6.0 + text_px(words, SMALL));
        match kind {
            Kind::Record(shape) => symbol(svg, shape, colour(None), x + 12.0, y, 12.0),
            Kind::Cluster(n) => badge(svg, n, x + 12.0, y, 12.0),
        }
        svg.text(
            x + 30.0,
            y + 4.0,
            SMALL,
            &format!(r#" fill="{TEXT}""#),
            words,
        );
    }
    // The colours: the approaches of the records drawn (a setback is drawn in the danger
    // colour), in the vocabulary's order.
    let coloured: Vec<Approach> = Approach::ALL
        .iter()
        .copied()
        .filter(|&a| {
            marks().any(|m| {
                m.approach.unwrap_or(Approach::Other) == a
                    && matches!(m.kind, Kind::Record(s) if s != Shape::Setback)
            })
        })
        .collect();
    if !coloured.is_empty() && flow.x > MARGIN {
        flow.x = MARGIN;
        flow.y += 26.0;
    }
    for approach in coloured {
        let (x, y) = flow.place(18.0 + text_px(approach.label(), SMALL));
        svg.raw(format_args!(
            r#"<circle cx="{}" cy="{}" r="6" fill="{}"/>"#,
            num(x + 6.0),
            num(y),
            colour(Some(approach))
        ));
        let attrs = format!(r#" fill="{TEXT}""#);
        svg.text(x + 18.0, y + 4.0, SMALL, &attrs, approach.label());
    }
    svg.raw(format_args!("</g>"));
    flow.y + 14.0
}

/// Entries placed left to right, wrapping to a new row at `right`.
struct Flow {
    x: f64,
    /// The middle of the current row.
    y: f64,
    right: f64,
}

impl Flow {
    /// Where an entry `width` pixels wide goes (its left edge and middle).
    fn place(&mut self, width: f64) -> (f64, f64) {
        if self.x > MARGIN && self.x + width > self.right {
            self.x = MARGIN;
            self.y += 24.0;
        }
        let at = (self.x, self.y);
        self.x += width + 20.0;
        at
    }
}
