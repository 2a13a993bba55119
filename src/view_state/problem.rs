//! What a link asked for that the app could not show exactly, as values with plain-language text.

use super::{MAX_QUERY_BYTES, Param, YEARS};
use std::fmt;

/// One thing [`parse`](super::parse) or [`check_against`](super::check_against) left out or
/// changed. [`UrlProblem::message`] is a sentence for a dismissible notice.
///
/// Values quoted from the link are cut to 40 characters when the problem is made,
/// so a notice stays short.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// The query was longer than [`MAX_QUERY_BYTES`]; the parameters past that were not read.
    QueryTooLong {
        ignored: usize,
    },
    UnknownParameter {
        name: String,
    },
    /// A value (or one item of a list) had a bad `%` escape or was not UTF-8 once decoded.
    InvalidEncoding {
        param: Param,
    },
    /// A single-valued parameter appeared `times` times with different values.
    Repeated {
        param: Param,
        times: usize,
    },
    /// More than the allowed number of values; the first `kept` were used.
    TooManyValues {
        param: Param,
        kept: usize,
    },
    /// A word or slug that is not in the parameter's vocabulary.
    UnknownValue {
        param: Param,
        value: String,
    },
    /// A value of the wrong shape: not a year, not a year span, not an id, not a version.
    Malformed {
        param: Param,
        value: String,
    },
    YearOutOfRange {
        param: Param,
        year: u64,
    },
    /// A year range (`param` is `From`) or zoom window (`Zoom`) given backwards; it was swapped.
    Reversed {
        param: Param,
        start: i32,
        end: i32,
    },
    /// The search text was cut to `max` characters.
    TextCut {
        max: usize,
    },
    /// A value longer than `max` characters, left out.
    ValueTooLong {
        param: Param,
        max: usize,
    },
    /// The link would have been longer than [`MAX_QUERY_BYTES`]; `dropped` institutions (the
    /// last in alphabetical order) were left out.
    LinkTooLong {
        dropped: usize,
    },
    /// The selected study is not in the dataset (from [`check_against`](super::check_against)).
    UnknownStudy {
        id: String,
    },
    /// The selected study's id was merged into or replaced by another record's (from
    /// [`follow_redirect`](super::follow_redirect)); the view shows the successor.
    StudyMoved {
        from: String,
        to: String,
        reason: String,
    },
    /// The link was made with another dataset version (from
    /// [`ViewState::version_problem`](super::ViewState::version_problem)).
    OtherDatasetVersion {
        linked: String,
    },
}

/// The most characters of a user's value quoted in a message.
const QUOTE_CHARS: usize = 40;

impl UrlProblem {
    /// A sentence for a dismissible notice.
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// The parameter the problem is about, when it is about one.
    pub fn param(&self) -> Option<Param> {
        match self {
            UrlProblem::InvalidEncoding { param }
            | UrlProblem::Repeated { param, .. }
            | UrlProblem::TooManyValues { param, .. }
            | UrlProblem::UnknownValue { param, .. }
            | UrlProblem::Malformed { param, .. }
            | UrlProblem::YearOutOfRange { param, .. }
            | UrlProblem::Reversed { param, .. }
            | UrlProblem::ValueTooLong { param, .. } => Some(*param),
            UrlProblem::TextCut { .. } => Some(Param::Q),
            UrlProblem::LinkTooLong { .. } => Some(Param::Inst),
            UrlProblem::UnknownStudy { .. } | UrlProblem::StudyMoved { .. } => Some(Param::Study),
            UrlProblem::OtherDatasetVersion { .. } => Some(Param::V),
            UrlProblem::QueryTooLong { .. } | UrlProblem::UnknownParameter { .. } => None,
        }
    }
}

/// `value` cut to [`QUOTE_CHARS`] characters, with `…` when cut.
pub(super) fn quote(value: &str) -> String {
    match value.char_indices().nth(QUOTE_CHARS) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

impl fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (first, last) = (YEARS.start(), YEARS.end());
        match self {
            UrlProblem::QueryTooLong { ignored } => write!(
                f,
                "The link is longer than {} kB; ignored its last {}",
                MAX_QUERY_BYTES / 1024,
                plural(*ignored, "parameter", "parameters")
            ),
            UrlProblem::UnknownParameter { name } if name.is_empty() => {
                write!(f, "Ignored a value without a parameter name")
            }
            UrlProblem::UnknownParameter { name } => {
                write!(f, "Ignored unknown parameter `{name}`")
            }
            UrlProblem::InvalidEncoding { param } => write!(
                f,
                "Invalid percent-encoding in `{}`; ignored that value",
                param.name()
            ),
            UrlProblem::Repeated { param, times } => {
                let times = match times {
                    2 => "twice".to_owned(),
                    n => format!("{n} times"),
                };
                write!(f, "`{}` appeared {times}; used the first", param.name())
            }
            UrlProblem::TooManyValues { param, kept } => write!(
                f,
                "`{}` had more than {kept} values; used the first {kept}",
                param.name()
            ),
            UrlProblem::UnknownValue { param, value } => {
                write!(f, "Ignored unknown {} `{}`", param.noun(), value)?;
                let words = match param {
                    Param::Lanes => "approach, cancer, stage or none",
                    Param::Sort => "relevance, date or newest",
                    Param::View => "timeline, list or bench",
                    Param::Hide => "imported or bundled",
                    Param::Embed => "1",
                    Param::Theme => "light or dark",
                    _ => return Ok(()),
                };
                write!(f, " (use {words})")
            }
            UrlProblem::Malformed { param, value } => {
                let shape = match param {
                    Param::From | Param::To => "a year",
                    Param::Zoom => "a year range like 1990-2005",
                    Param::Study => "a study id",
                    Param::Story => "a story id",
                    Param::Step => "a step number from 1",
                    Param::V => "a dataset version",
                    _ => "a valid value",
                };
                write!(f, "`{}={}` is not {shape}; ignored it", param.name(), value)
            }
            UrlProblem::YearOutOfRange { param, year } => write!(
                f,
                "The year {year} in `{}` is outside {first}–{last}; ignored it",
                param.name()
            ),
            UrlProblem::Reversed { param, start, end } => {
                let what = match param {
                    Param::Zoom => "zoom window",
                    _ => "year range",
                };
                write!(f, "The {what} {start}–{end} was reversed; swapped it")
            }
            UrlProblem::TextCut { max } => {
                write!(f, "The search text was cut to {max} characters")
            }
            UrlProblem::ValueTooLong { param, max } => write!(
                f,
                "Ignored {} longer than {max} characters",
                match param {
                    Param::Inst => "an institution name".to_owned(),
                    other => format!("a `{}` value", other.name()),
                }
            ),
            UrlProblem::LinkTooLong { dropped } => write!(
                f,
                "The link would be longer than {} kB; left out {}",
                MAX_QUERY_BYTES / 1024,
                plural(*dropped, "institution", "institutions")
            ),
            UrlProblem::StudyMoved { from, to, reason } => write!(
                f,
                "The record `{from}` has moved: it is now `{to}` ({reason}). Showing that record"
            ),
            UrlProblem::UnknownStudy { id } => {
                write!(f, "Unknown study id `{id}`; ignored it")
            }
            UrlProblem::OtherDatasetVersion { linked } => write!(
                f,
                "This link was made with dataset version `{linked}`; some studies may have changed since"
            ),
        }
    }
}
