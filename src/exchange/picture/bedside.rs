//! "From lab bench to bedside" as a picture: the page's table, an approach per row, its earliest
//! record of each step (year and short label), the gap to the step before in words, and the
//! whole way from lab to approval.

use super::write::{LINE, MARGIN, MUTED, Svg, TEXT, num, wrap};
use super::{BedsideRow, Caption, colour};
use crate::bedside::{STEPS, row_words};

const APPROACH_PX: f64 = 200.0;
const STEP_PX: f64 = 190.0;
const TOTAL_PX: f64 = 150.0;
/// Between a cell's edge and its text.
const PAD: f64 = 10.0;
const SIZE: f64 = 13.0;
const LEADING: f64 = SIZE * 1.35;
/// Bold text is measured a size larger: it runs wider than the estimate for regular text.
const BOLD_SIZE: f64 = SIZE * 1.1;

pub fn draw(rows: &[BedsideRow], caption: &Caption) -> String {
    let mut svg = Svg::new(2.0 * MARGIN + APPROACH_PX + 4.0 * STEP_PX + TOTAL_PX);
    let title = format!("{}: from lab bench to bedside", crate::TITLE);
    let studies = if caption.shown == 1 {
        "study"
    } else {
        "studies"
    };
    let subtitle = format!(
        "{} {studies} · {}. For each approach with at least two steps among them: the earliest \
         record of each step, and how long after (or before) the step to its left it came.",
        caption.shown,
        caption.matching.trim()
    );
    let mut y = svg.heading(&title, &subtitle);
    let columns: Vec<(f64, f64)> = std::iter::once(APPROACH_PX)
        .chain([STEP_PX; 4])
        .chain([TOTAL_PX])
        .scan(MARGIN, |x, width| {
            let at = *x;
            *x += width;
            Some((at, width))
        })
        .collect();
    let headings: Vec<Cell> = std::iter::once("Approach")
        .chain(STEPS.iter().map(|s| s.heading))
        .chain(["Lab to approval"])
        .zip(&columns)
        .map(|(heading, &(_, width))| plain(wrap(heading, width - 2.0 * PAD, BOLD_SIZE, 2), BOLD))
        .collect();
    y = row(&mut svg, &columns, y, &headings);
    if rows.is_empty() {
        let none = "No approach has two or more steps among these records.";
        svg.text(
            MARGIN + PAD,
            y + 24.0,
            SIZE,
            &format!(r#" fill="{MUTED}""#),
            none,
        );
        y += 36.0;
    }
    // The approach's name moves right for its colour's dot.
    let mut named = columns.clone();
    named[0].0 += 16.0;
    for bedside in rows {
        let name_px = APPROACH_PX - 2.0 * PAD - 16.0;
        let mut cells = vec![plain(
            wrap(bedside.approach.label(), name_px, BOLD_SIZE, 4),
            BOLD,
        )];
        let (gaps, total) = row_words(bedside.steps.each_ref().map(|s| s.as_ref().map(|s| s.0)));
        let width = STEP_PX - 2.0 * PAD;
        for (step, gap) in bedside.steps.iter().zip(gaps) {
            cells.push(match step {
                // As on the page: the year in bold, the label, the gap in muted words.
                Some((year, label)) => std::iter::once((year.to_string(), BOLD))
                    .chain(wrap(label, width, SIZE, 3).into_iter().map(|l| (l, "")))
                    .chain(
                        gap.iter()
                            .flat_map(|g| wrap(g, width, SIZE, 2))
                            .map(|l| (l, GAP)),
                    )
                    .collect(),
                None => vec![("—".to_owned(), "")],
            });
        }
        cells.push(plain(wrap(&total, TOTAL_PX - 2.0 * PAD, SIZE, 3), ""));
        // The approach's colour, as its markers and cards have it.
        svg.raw(format_args!(
            r#"<circle cx="{}" cy="{}" r="6" fill="{}"/>"#,
            num(MARGIN + PAD + 6.0),
            num(y + PAD + SIZE / 2.0 + 1.0),
            colour(Some(bedside.approach))
        ));
        y = row(&mut svg, &named, y, &cells);
    }
    let height = svg.caption(y + 16.0, caption);
    svg.finish(height, &title, caption)
}

/// A cell's lines, each with its own attributes.
type Cell = Vec<(String, &'static str)>;

const BOLD: &str = r#" font-weight="700""#;
const GAP: &str = r##" font-style="italic" fill="#4f5563""##;

fn plain(lines: Vec<String>, style: &'static str) -> Cell {
    lines.into_iter().map(|l| (l, style)).collect()
}

/// A row of cells in its `columns` (left edge, width), with a rule under it; returns its
/// bottom.
fn row(svg: &mut Svg, columns: &[(f64, f64)], top: f64, cells: &[Cell]) -> f64 {
    let tallest = cells.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let attrs = format!(r#" fill="{TEXT}""#);
    for (lines, &(x, _)) in cells.iter().zip(columns) {
        let lines: Vec<(&str, &str)> = lines.iter().map(|(l, s)| (l.as_str(), *s)).collect();
        svg.styled_lines(x + PAD, top + PAD + SIZE, SIZE, &attrs, &lines);
    }
    let bottom = top + 2.0 * PAD + tallest * LEADING;
    svg.raw(format_args!(
        r#"<path d="M{} {}H{}" stroke="{LINE}"/>"#,
        num(MARGIN),
        num(bottom),
        num(svg.width - MARGIN)
    ));
    bottom
}
