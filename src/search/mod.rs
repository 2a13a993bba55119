//! Search and facets over the studies: pure Rust, no browser types.
//!
//! PLACEHOLDER ENGINE: a case-insensitive substring filter with the final API. Replaced by the
//! real index (tokenising, typo tolerance, synonyms, ranking, facets) in its own change.

use crate::data::{Approach, CancerType, Stage, Study};

/// What the user asked for: text plus filters plus an order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub text: String,
    pub filters: Filters,
    pub sort: Sort,
}

/// Facet selections: values within one facet are OR-ed, facets are AND-ed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub approaches: Vec<Approach>,
    pub cancer_types: Vec<CancerType>,
    pub stages: Vec<Stage>,
    pub institutions: Vec<String>,
    /// Inclusive year range; undated records are left out while either bound is set.
    pub year_from: Option<i32>,
    pub year_to: Option<i32>,
}

/// Result order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best match first; ties by date. With no text, the same as `Date`.
    #[default]
    Relevance,
    /// Oldest first.
    Date,
    /// Newest first.
    DateDesc,
}

/// The matching records and the counts that go with them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Positions in the indexed slice, in result order.
    pub hits: Vec<u32>,
    pub facets: Facets,
    /// Matching records per year (ignoring the year range, honouring everything else).
    pub histogram: Vec<(i32, u32)>,
}

/// For each facet value, how many records would match if it were selected (honouring all other
/// facets' selections, not its own).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facets {
    pub approaches: Vec<(Approach, u32)>,
    pub cancer_types: Vec<(CancerType, u32)>,
    pub stages: Vec<(Stage, u32)>,
    pub institutions: Vec<(String, u32)>,
}

/// The searchable form of a set of studies.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    haystacks: Vec<String>,
}

impl SearchIndex {
    pub fn build(studies: &[Study]) -> Self {
        let haystacks = studies
            .iter()
            .map(|s| {
                let mut text = format!("{} {}", s.title, s.summary);
                for extra in s.targets.iter().chain(&s.drugs).chain(&s.institutions) {
                    text.push(' ');
                    text.push_str(extra);
                }
                text.to_lowercase()
            })
            .collect();
        Self { haystacks }
    }

    pub fn search(&self, query: &Query) -> Results {
        let needle = query.text.trim().to_lowercase();
        let hits = self
            .haystacks
            .iter()
            .enumerate()
            .filter(|(_, hay)| needle.split_whitespace().all(|word| hay.contains(word)))
            .map(|(i, _)| i as u32)
            .collect();
        Results {
            hits,
            ..Results::default()
        }
    }
}
