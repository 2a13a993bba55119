//! The query-string parameters the app understands, in canonical order.

use super::{MAX_LIST_VALUES, MAX_SLUG_VALUES};
use crate::data::{Approach, CancerType, Outcome, Regulator, Stage};
use crate::search::Sort;

const _: () = assert!(
    Approach::ALL.len() <= MAX_SLUG_VALUES
        && CancerType::ALL.len() <= MAX_SLUG_VALUES
        && Stage::ALL.len() <= MAX_SLUG_VALUES
        && Outcome::ALL.len() <= MAX_SLUG_VALUES
        && Regulator::ALL.len() <= MAX_SLUG_VALUES
);

/// One parameter of a view URL. The declaration order is the canonical order of a written link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Param {
    Q,
    Approach,
    Cancer,
    Stage,
    Outcome,
    Regulator,
    Inst,
    From,
    To,
    Zoom,
    Lanes,
    Sort,
    View,
    Hide,
    Study,
    Story,
    Step,
    V,
    Embed,
    Theme,
}

impl Param {
    /// Every parameter, in canonical order.
    pub const ALL: [Param; 20] = [
        Param::Q,
        Param::Approach,
        Param::Cancer,
        Param::Stage,
        Param::Outcome,
        Param::Regulator,
        Param::Inst,
        Param::From,
        Param::To,
        Param::Zoom,
        Param::Lanes,
        Param::Sort,
        Param::View,
        Param::Hide,
        Param::Study,
        Param::Story,
        Param::Step,
        Param::V,
        Param::Embed,
        Param::Theme,
    ];

    /// The name in the query string.
    pub fn name(self) -> &'static str {
        match self {
            Param::Q => "q",
            Param::Approach => "approach",
            Param::Cancer => "cancer",
            Param::Stage => "stage",
            Param::Outcome => "outcome",
            Param::Regulator => "regulator",
            Param::Inst => "inst",
            Param::From => "from",
            Param::To => "to",
            Param::Zoom => "zoom",
            Param::Lanes => "lanes",
            Param::Sort => "sort",
            Param::View => "view",
            Param::Hide => "hide",
            Param::Study => "study",
            Param::Story => "story",
            Param::Step => "step",
            Param::V => "v",
            Param::Embed => "embed",
            Param::Theme => "theme",
        }
    }

    /// What one value of the parameter is, in words, for messages.
    pub fn noun(self) -> &'static str {
        match self {
            Param::Q => "search text",
            Param::Approach => "approach",
            Param::Cancer => "cancer type",
            Param::Stage => "stage",
            Param::Outcome => "outcome",
            Param::Regulator => "regulator",
            Param::Inst => "institution",
            Param::From => "first year",
            Param::To => "last year",
            Param::Zoom => "zoom window",
            Param::Lanes => "lane grouping",
            Param::Sort => "sort order",
            Param::View => "view",
            Param::Hide => "record set to hide",
            Param::Study => "study id",
            Param::Story => "story id",
            Param::Step => "story step",
            Param::V => "dataset version",
            Param::Embed => "embed mode",
            Param::Theme => "theme",
        }
    }

    /// The parameter named `name` (ASCII case ignored).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(name))
    }

    /// Whether the value is a comma-separated list that may also be split over repetitions.
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Param::Approach
                | Param::Cancer
                | Param::Stage
                | Param::Outcome
                | Param::Regulator
                | Param::Inst
        )
    }

    /// The most items a list parameter may carry.
    pub fn max_values(self) -> usize {
        match self {
            Param::Inst => MAX_LIST_VALUES,
            _ => MAX_SLUG_VALUES,
        }
    }

    /// The position in [`Param::ALL`].
    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// The URL word of a sort order.
pub(super) fn sort_word(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "relevance",
        Sort::Date => "date",
        Sort::DateDesc => "newest",
    }
}

/// The sort order whose word is `word` (ASCII case ignored).
pub(super) fn sort_from_word(word: &str) -> Option<Sort> {
    [Sort::Relevance, Sort::Date, Sort::DateDesc]
        .into_iter()
        .find(|sort| sort_word(*sort).eq_ignore_ascii_case(word))
}
