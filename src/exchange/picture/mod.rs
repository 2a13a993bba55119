//! "Download image": the timeline or the bench-to-bedside table as an SVG picture, with a
//! caption that says what the view shows, links to it and names the dataset version and date.
//!
//! The app describes what it has drawn (a [`Picture`]: the timeline's lanes and marks where its
//! plot put them, or the bedside table's steps) and the import/export worker writes the SVG
//! ([`svg`]), so the first load carries none of this code. The page turns the SVG into a PNG
//! itself (a worker cannot rasterise). Plain Rust with no browser access:
//! `tests/picture.rs` checks it natively.
//!
//! What the picture keeps of the app's look: a marker's colour is its approach's (the light
//! theme's palette, [`colour`], which a test holds equal to `public/style.css`), approvals,
//! prizes and setbacks have the app's shapes (a setback a ringed cross, never colour alone),
//! counts show their number, labels sit where the plot put them and are cut to the width it
//! gave them. Text is text (`<text>`, escaped), on a white background, in a generic font stack.

mod bedside;
pub mod describe;
mod timeline;
mod write;

use crate::data::Approach;
use serde::{Deserialize, Serialize};

/// One picture: a view and its caption.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Picture {
    pub caption: Caption,
    pub body: Body,
}

/// What the caption says of the view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Caption {
    /// The full address of the view, with the dataset version pinned (as "Copy link" gives it).
    pub link: String,
    pub dataset_version: String,
    /// The day the picture was made, `YYYY-MM-DD` (the core has no clock).
    pub date: String,
    /// How many records the view shows.
    pub shown: usize,
    /// What they match: the search and filters in words, empty for everything.
    pub matching: String,
}

/// Which view the picture shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Body {
    Timeline(Timeline),
    /// The bench-to-bedside rows, as `bedside::firsts` gave them.
    Bedside(Vec<BedsideRow>),
}

/// The timeline as drawn: its window of years, the track's width in pixels (every `x` is
/// measured on it, as on the screen), the axis' ticks and the lanes that have matches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub width: f64,
    pub years: (i32, i32),
    /// (year, x).
    pub ticks: Vec<(i32, f64)>,
    pub lanes: Vec<Lane>,
    /// The timeline's footnote (records outside the window or undated), if any.
    pub footnote: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub label: String,
    /// How many rows its marks take (at least 1).
    pub rows: u16,
    /// Left to right, as the plot placed them.
    pub marks: Vec<Mark>,
}

/// A marker or a count, where the plot put it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    /// The centre, in pixels from the track's left edge.
    pub x: f64,
    pub row: u16,
    /// Half the width of the marker, bar or badge (`timeline_plot::Item::half`).
    pub half: f64,
    pub kind: Kind,
    /// The colour's approach (a record's first; `None` for a record without one and for counts).
    pub approach: Option<Approach>,
    pub label: Option<Label>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Record(Shape),
    /// A count badge for this many records.
    Cluster(u32),
}

/// A record's marker, as the app's stylesheet draws it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    /// An exact date: a filled, ringed dot.
    Dot,
    /// A year or month only, or circa: a hollow dashed dot.
    Soft,
    /// A year or month wide enough to draw: a bar across it.
    Bar,
    /// A diamond.
    Approval,
    /// A double ring.
    Prize,
    /// A ringed cross, whatever the approach.
    Setback,
}

/// A label beside its mark: the text as the app shows it, the width the plot gave it (the text
/// is cut to it) and on which side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Label {
    pub text: String,
    pub px: f64,
    pub left_side: bool,
}

/// One approach's row of the bench-to-bedside table: for each of `bedside::STEPS`, the year and
/// short label of its earliest record, if there is one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BedsideRow {
    pub approach: Approach,
    pub steps: [Option<(i32, String)>; 4],
}

/// The picture as an SVG document.
pub fn svg(picture: &Picture) -> String {
    match &picture.body {
        Body::Timeline(timeline) => timeline::draw(timeline, &picture.caption),
        Body::Bedside(rows) => bedside::draw(rows, &picture.caption),
    }
}

/// The colour of an approach's markers, as `public/style.css` gives it for the light theme
/// (`.ap-<slug> { --ap: … }`); a record without an approach is drawn as "other".
pub fn colour(approach: Option<Approach>) -> &'static str {
    match approach.unwrap_or(Approach::Other) {
        Approach::CheckpointInhibitor => "#0068a8",
        Approach::CarT => "#c24e00",
        Approach::TcrT => "#a3277a",
        Approach::Til => "#8a5a00",
        Approach::OtherCellTherapy => "#b0304f",
        Approach::NkCell => "#00777a",
        Approach::CancerVaccine => "#00784f",
        Approach::Cytokine => "#6b4bb0",
        Approach::OncolyticVirus => "#5c7000",
        Approach::Bispecific => "#3f51b5",
        Approach::MonoclonalAntibody => "#1f6f8b",
        Approach::InnateBacterial => "#7a6400",
        Approach::ImmunogenicCellDeath => "#b3261e",
        Approach::EngineeredCells => "#51657a",
        Approach::BasicDiscovery => "#5f6368",
        Approach::Recognition => "#8a4b00",
        Approach::ResearchTool => "#5a6b5a",
        Approach::Other => "#6e6e6e",
    }
}
