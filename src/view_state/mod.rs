//! The view a URL describes: `parse(query) -> (ViewState, problems)` and `write(state) -> query`.
//!
//! Everything that defines what the user sees lives in the query string, so opening a link
//! anywhere reproduces the same view. The module is pure: no browser types, no dataset.
//!
//! # Parameters, in canonical order
//!
//! | name        | values                                          | default     |
//! |-------------|-------------------------------------------------|-------------|
//! | `q`         | search text, at most 200 characters             | empty       |
//! | `approach`  | approach slugs, comma-separated                 | none        |
//! | `cancer`    | cancer-type slugs, comma-separated              | none        |
//! | `stage`     | stage slugs, comma-separated                    | none        |
//! | `outcome`   | outcome slugs, comma-separated                  | none        |
//! | `regulator` | regulator slugs, comma-separated                | none        |
//! | `inst`      | institution names, comma-separated              | none        |
//! | `from`      | first year shown, 1800–2100, inclusive          | open        |
//! | `to`        | last year shown, 1800–2100, inclusive           | open        |
//! | `zoom`      | visible timeline window in years, `1990-2005`   | everything  |
//! | `lanes`     | `approach`, `cancer`, `stage` or `none`         | `approach`  |
//! | `sort`      | `relevance`, `date` (oldest first) or `newest`  | `relevance` |
//! | `view`      | `timeline`, `list` or `bench` (lab to clinic)   | `timeline`  |
//! | `hide`      | `imported` or `bundled`: the record set hidden  | neither     |
//! | `study`     | the selected record's id                        | none        |
//! | `story`     | the guided story followed (`data/stories.toml`) | none        |
//! | `step`      | its step, from 1                                | 1           |
//! | `v`         | the dataset version the link was made with      | none        |
//! | `embed`     | `1`: the compact view for another page's frame  | off         |
//! | `theme`     | `light` or `dark`, whatever the device's choice | the device's|
//!
//! The canonical form written by [`write()`] omits defaults, lists slugs in vocabulary order and
//! institutions in sorted order (each value once), writes a space as `+`, and percent-encodes
//! everything outside `A–Z a–z 0–9 - . _ ~ ! * ( ) : / @` (a comma stays literal in `q`; in a list
//! value it separates items, so a comma inside an institution name is written `%2C`).
//!
//! [`parse`] is lenient and never fails: it accepts a leading `?`, `+` or `%20` for a space,
//! lower- or upper-case hex escapes, upper-case names, slugs and words, spaces around any value
//! but `q` (which is kept exactly as typed), lists split over repeated parameters
//! (`approach=car-t&approach=til`), and stops at a `#`. Whatever it cannot use it leaves out and
//! reports as a [`UrlProblem`]. Decisions worth knowing: a reversed year range or zoom window is
//! swapped, not dropped; a repeated single-valued parameter keeps its first non-empty value (and
//! says so only when the values differ); an empty value is the same as an absent one, not a
//! problem; a bad escape or invalid UTF-8 drops only the value (or list item) it spoils; only the
//! first 4 kB of a query are read (a parameter that crosses the limit is dropped whole), and a
//! state whose link would be longer than 4 kB loses institutions, last first, until it fits.
//! The selected study can only be checked against the loaded records: see [`check_against`].

mod interpret;
mod param;
mod problem;
mod raw;
mod set;
mod write;

pub use param::Param;
pub use problem::UrlProblem;
pub use set::Set;

use crate::data::validate::MAX_ID;
use crate::data::{Approach, CancerType, Outcome, Regulator, Stage};
use crate::search::{Filters, Query, Sort};

/// The longest query string read, in bytes; also the longest [`write()`] produces.
pub const MAX_QUERY_BYTES: usize = 4096;
/// The longest search text, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// The most institutions `inst` may carry.
pub const MAX_LIST_VALUES: usize = 20;
/// The most slugs one vocabulary list (`approach`, `cancer`, `stage`, `outcome`, `regulator`)
/// may carry: more than any vocabulary has (checked when compiling), so that a link can select
/// every value.
pub const MAX_SLUG_VALUES: usize = 32;
/// The longest institution name, in characters.
pub const MAX_INSTITUTION_CHARS: usize = 120;
/// The highest story step a link may name (stories have at most 40).
pub const MAX_STORY_STEP: u32 = 999;

/// The longest study id, in characters (the dataset's own limit).
pub const MAX_STUDY_ID_CHARS: usize = MAX_ID;
/// The longest dataset version, in characters.
pub const MAX_VERSION_CHARS: usize = 40;
/// The years a link may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2100;

/// Everything that defines what the user sees.
///
/// A *valid* state is one [`parse`] can return: `q` at most [`MAX_TEXT_CHARS`] characters;
/// at most [`MAX_LIST_VALUES`] institutions, each non-empty, without surrounding whitespace and
/// at most [`MAX_INSTITUTION_CHARS`] characters; years within [`YEARS`] with `year_from <=
/// year_to` and `zoom.start <= zoom.end`; `study` a well-formed id; `dataset_version` made of
/// ASCII letters, digits, `.`, `_` and `-`; and [`write()`] of it at most [`MAX_QUERY_BYTES`]
/// long. For every valid state, `parse(&write(&s)) == (s, vec![])`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search text, exactly as typed (not trimmed, so typing a space is not undone).
    pub q: String,
    pub approaches: Set<Approach>,
    pub cancer_types: Set<CancerType>,
    pub stages: Set<Stage>,
    pub outcomes: Set<Outcome>,
    /// Who approved (or refused, withdrew, halted) it.
    pub regulators: Set<Regulator>,
    pub institutions: Set<String>,
    /// Inclusive year range of the records shown.
    pub year_from: Option<i32>,
    pub year_to: Option<i32>,
    /// The visible window of the timeline; `None` shows everything.
    pub zoom: Option<YearSpan>,
    pub lanes: Lanes,
    pub sort: Sort,
    pub view: ViewMode,
    /// The record set left out of view, if any.
    pub hide: Option<RecordSet>,
    /// The id of the selected record.
    pub study: Option<String>,
    /// The guided story being followed, and its step (from 1; `None` is the first).
    pub story: Option<String>,
    pub step: Option<u32>,
    /// The dataset version the link was made with (`v`).
    pub dataset_version: Option<String>,
    /// The compact view made to sit in another page's `<iframe>` (`embed=1`): the records and a
    /// caption, without filters or the data panel.
    pub embed: bool,
    /// The colour theme the link asks for (a host page matching its own), over the device's.
    pub theme: Option<Theme>,
}

/// An inclusive span of whole years, `start <= end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearSpan {
    pub start: i32,
    pub end: i32,
}

/// What the timeline's lanes group records by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lanes {
    #[default]
    Approach,
    CancerType,
    Stage,
    /// One lane for everything.
    None,
}

/// The main presentation of the results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ViewMode {
    #[default]
    Timeline,
    List,
    /// Records arranged from the lab bench to the bedside, by stage.
    Bench,
}

/// Where records come from: compiled into the app or imported by the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordSet {
    Bundled,
    Imported,
}

/// A colour theme a link can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// Declares the URL word of each value of a small enum, and the reverse lookup.
macro_rules! words {
    ($name:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        impl $name {
            /// Every value, in the order the words are listed in messages.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word used in URLs.
            pub fn word(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// The value whose word is `word` (ASCII case ignored).
            pub fn from_word(word: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.word().eq_ignore_ascii_case(word))
            }
        }
    };
}

words!(Lanes { Approach = "approach", CancerType = "cancer", Stage = "stage", None = "none" });
words!(ViewMode { Timeline = "timeline", List = "list", Bench = "bench" });
words!(RecordSet { Imported = "imported", Bundled = "bundled" });
words!(Theme { Light = "light", Dark = "dark" });

impl ViewState {
    /// What the search engine needs: the text, the filters and the order.
    pub fn to_query(&self) -> Query {
        Query {
            text: self.q.clone(),
            filters: Filters {
                approaches: self.approaches.iter().copied().collect(),
                cancer_types: self.cancer_types.iter().copied().collect(),
                stages: self.stages.iter().copied().collect(),
                outcomes: self.outcomes.iter().copied().collect(),
                regulators: self.regulators.iter().copied().collect(),
                institutions: self.institutions.iter().cloned().collect(),
                year_from: self.year_from,
                year_to: self.year_to,
            },
            sort: self.sort,
            only: None,
        }
    }

    /// The same view with `study` selected (or nothing selected).
    pub fn with_study(self, study: Option<String>) -> Self {
        Self { study, ..self }
    }

    /// The same view without facet selections or year range; text, zoom, layout, order,
    /// selection and dataset version stay.
    pub fn cleared_filters(self) -> Self {
        Self {
            approaches: Set::new(),
            cancer_types: Set::new(),
            stages: Set::new(),
            outcomes: Set::new(),
            regulators: Set::new(),
            institutions: Set::new(),
            year_from: None,
            year_to: None,
            ..self
        }
    }

    /// Whether any facet value or year bound is selected.
    pub fn has_filters(&self) -> bool {
        self.clone().cleared_filters() != *self
    }

    /// A notice when the link was made with another version of the dataset than `current`, whose
    /// records may have changed since.
    pub fn version_problem(&self, current: &str) -> Option<UrlProblem> {
        self.dataset_version
            .as_ref()
            .filter(|linked| linked.as_str() != current)
            .map(|linked| UrlProblem::OtherDatasetVersion {
                linked: linked.clone(),
            })
    }
}

/// Reads a query string (with or without the leading `?`) into the view it describes, with a
/// problem for everything it had to leave out or change. Never panics, never fails.
pub fn parse(query: &str) -> (ViewState, Vec<UrlProblem>) {
    let (raw, mut problems) = raw::RawParams::split(query);
    let mut state = interpret::interpret(&raw, &mut problems);
    write::fit_in_link(&mut state, &mut problems);
    (state, problems)
}

/// The canonical query string of `state`, without the leading `?`; empty for the default view.
pub fn write(state: &ViewState) -> String {
    write::write(state)
}

/// Replaces a selected study id that was retired or merged with the id of its successor
/// (`redirect` answers `(successor, reason)` for the dataset the app has loaded), and says so.
/// Runs before [`check_against`], so an old link lands on the record that took its place.
pub fn follow_redirect(
    state: &mut ViewState,
    redirect: impl Fn(&str) -> Option<(String, String)>,
) -> Vec<UrlProblem> {
    let Some(from) = state.study.clone() else {
        return Vec::new();
    };
    match redirect(&from) {
        Some((to, reason)) => {
            state.study = Some(to.clone());
            vec![UrlProblem::StudyMoved { from, to, reason }]
        }
        None => Vec::new(),
    }
}

/// Drops the selected study when no record has its id (`study_exists` answers for the dataset
/// the app has loaded), and says so. The one check [`parse`] cannot make without the data.
pub fn check_against(
    state: &mut ViewState,
    study_exists: impl Fn(&str) -> bool,
) -> Vec<UrlProblem> {
    match state.study.take() {
        Some(id) if !study_exists(&id) => vec![UrlProblem::UnknownStudy { id }],
        kept => {
            state.study = kept;
            Vec::new()
        }
    }
}
