//! Search and facets over the studies: pure Rust, no browser types.
//!
//! Reading order: [`fold`] and [`tokenize`] turn text into terms, and [`ident`] keeps
//! identifiers (DOI, PMID, PMCID, NCT numbers) whole; [`index`] builds the inverted index over
//! them; [`query`] and [`plan`] turn what the user typed into sets of terms, with [`expand`]
//! finding prefix, typo and synonym matches via [`dict`] and [`synonyms`]; [`exec`] matches and
//! ranks; [`facets`] applies the filters and [`counts`] counts; [`highlight`] marks matches in one
//! record.

mod bitset;
mod counts;
mod dict;
mod exec;
mod expand;
mod facets;
mod fold;
mod highlight;
mod ident;
mod index;
mod plan;
mod query;
mod synonyms;
mod tokenize;

pub use highlight::Highlighter;
pub use index::IndexBuilder;

use crate::data::{Approach, CancerType, Outcome, Regulator, Stage, Study};
use dict::Dict;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use synonyms::Synonyms;

/// What the user asked for: text plus filters plus an order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Words (all must match; the last is a prefix unless followed by a space), `"quoted
    /// phrases"` and `-excluded` words. Only the first [`MAX_QUERY_CHARS`] characters and
    /// [`MAX_QUERY_WORDS`] words are read.
    pub text: String,
    pub filters: Filters,
    pub sort: Sort,
    /// Only these records (positions), if set: a guided story's steps.
    pub only: Option<Vec<u32>>,
}

/// Facet selections: values within one facet are OR-ed, facets are AND-ed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filters {
    pub approaches: Vec<Approach>,
    pub cancer_types: Vec<CancerType>,
    pub stages: Vec<Stage>,
    /// Records without an outcome never pass an outcome filter; the same for regulators.
    pub outcomes: Vec<Outcome>,
    pub regulators: Vec<Regulator>,
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

/// The matching records in order, without the counts: what a keystroke must paint at once.
/// [`SearchIndex::count`] gives the counts that go with them, which the app draws a frame later.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    /// Positions in the indexed slice, in result order.
    pub hits: Vec<u32>,
    /// How many records the index holds.
    pub total: u32,
    /// See [`Results::unmatched_words`].
    pub unmatched_words: Vec<String>,
    /// See [`Results::pending`].
    pub pending: bool,
    /// The records the text (and `Query::only`) lets through, before the filters; `None`: all.
    /// The counts start from it.
    matched: Option<bitset::Bitset>,
}

/// What [`SearchIndex::count`] counts: the filters' counts and the years' histogram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counted {
    pub facets: Facets,
    /// See [`Results::histogram`].
    pub histogram: Vec<(i32, u32)>,
}

/// The matching records and the counts that go with them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    /// Positions in the indexed slice, in result order.
    pub hits: Vec<u32>,
    pub facets: Facets,
    /// Matching records per year (ignoring the year range, honouring everything else), ascending
    /// by year; years without a match are left out.
    pub histogram: Vec<(i32, u32)>,
    /// How many records the index holds.
    pub total: u32,
    /// Query words and phrases that match no record at all, as typed, so the UI can say which
    /// one emptied the list.
    pub unmatched_words: Vec<String>,
    /// The query has text and the records' text is not indexed yet: `hits` is empty, and the
    /// facets and histogram count what the filters alone let through.
    pub pending: bool,
}

/// For each facet value, how many records would match if it were selected (honouring all other
/// facets' selections, not its own).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facets {
    /// Every approach, in display order, zeros included.
    pub approaches: Vec<(Approach, u32)>,
    /// Every cancer type, in display order, zeros included.
    pub cancer_types: Vec<(CancerType, u32)>,
    /// Every stage, in display order, zeros included.
    pub stages: Vec<(Stage, u32)>,
    /// Every outcome, in display order, zeros included.
    pub outcomes: Vec<(Outcome, u32)>,
    /// Every regulator, in display order, zeros included.
    pub regulators: Vec<(Regulator, u32)>,
    /// Institutions with at least one record, plus the selected ones; most records first, then
    /// by name.
    pub institutions: Vec<(String, u32)>,
}

/// The longest query text read, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most words and phrases a query may have; the rest are ignored.
pub const MAX_QUERY_WORDS: usize = 16;

/// A matched stretch of one field of a study.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Highlight {
    pub field: Field,
    /// Byte range into the field's text, on char boundaries.
    pub range: Range<usize>,
}

/// A searchable text field of a [`Study`]; list fields carry the item's position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    /// The short label.
    Label,
    Summary,
    Target(usize),
    Drug(usize),
    /// `trials[i].name`
    Trial(usize),
    Institution(usize),
    Person(usize),
    /// `publication.journal`
    Journal,
    /// `publication.title`
    PublicationTitle,
    /// `publication.authors[i]`
    Author(usize),
    /// `publication.doi`, found only as a whole (see [`ident`]); the same for the other
    /// identifiers.
    Doi,
    /// `publication.pmid`
    Pmid,
    /// `publication.pmcid`
    Pmcid,
    /// `publication.nct`
    Nct,
    /// `trials[i].nct`
    TrialNct(usize),
}

impl Field {
    /// The text of this field in `study`, if it has it.
    pub fn text(self, study: &Study) -> Option<&str> {
        let publication = study.publication.as_ref();
        match self {
            Field::Title => Some(&study.title),
            Field::Label => study.label.as_deref(),
            Field::Summary => Some(&study.summary),
            Field::Target(i) => study.targets.get(i).map(String::as_str),
            Field::Drug(i) => study.drugs.get(i).map(String::as_str),
            Field::Trial(i) => study.trials.get(i).and_then(|t| t.name.as_deref()),
            Field::Institution(i) => study.institutions.get(i).map(String::as_str),
            Field::Person(i) => study.people.get(i).map(String::as_str),
            Field::Journal => publication.and_then(|p| p.journal.as_deref()),
            Field::PublicationTitle => publication.and_then(|p| p.title.as_deref()),
            Field::Author(i) => publication.and_then(|p| p.authors.get(i).map(String::as_str)),
            Field::Doi => publication.and_then(|p| p.doi.as_deref()),
            Field::Pmid => publication.and_then(|p| p.pmid.as_deref()),
            Field::Pmcid => publication.and_then(|p| p.pmcid.as_deref()),
            Field::Nct => publication.and_then(|p| p.nct.as_deref()),
            Field::TrialNct(i) => study.trials.get(i).and_then(|t| t.nct.as_deref()),
        }
    }
}

/// The searchable form of a set of studies. It keeps no copy of their text: terms, postings
/// (record positions as `u32`) and per-record facet values only.
#[derive(Clone, Default)]
pub struct SearchIndex {
    dict: Dict,
    /// Postings of term `t` are `post_docs[post_starts[t]..post_starts[t + 1]]`, ascending.
    post_starts: Vec<u32>,
    post_docs: Vec<u32>,
    /// The term's BM25 share in the record, parallel to `post_docs`.
    post_impacts: Vec<u8>,
    /// Each record's parts in text order, fields separated by a gap, for matching quoted
    /// phrases: coded bytes (see `index::push_code`), with `seq_codes[term]` the code of a term.
    seq_starts: Vec<u32>,
    seq: Vec<u8>,
    seq_codes: Vec<u32>,
    /// The text is not indexed yet (see [`IndexBuilder::records_only`]).
    text_pending: bool,
    records: Vec<index::Record>,
    /// Institution ids of record `r` are `inst_ids[inst_starts[r]..inst_starts[r + 1]]`.
    inst_starts: Vec<u32>,
    inst_ids: Vec<u32>,
    inst_names: Vec<String>,
    inst_by_name: HashMap<String, u32>,
    /// Record positions by date, undated last; `dated` of them have a date.
    by_date: Vec<u32>,
    dated: u32,
    /// The records were indexed in date order (as `Dataset` keeps them), so position order is
    /// date order.
    date_sorted: bool,
    facets: facets::FacetIndex,
    synonyms: Synonyms,
}

impl SearchIndex {
    /// Indexes `studies`; hits are positions in this slice.
    pub fn build(studies: &[Study]) -> Self {
        index::build(studies)
    }

    /// Whether this index waits for its text (see [`IndexBuilder::records_only`]).
    pub fn text_pending(&self) -> bool {
        self.text_pending
    }

    /// Matches, orders and counts. Never panics, whatever the text.
    pub fn search(&self, query: &Query) -> Results {
        exec::search(self, query)
    }

    /// Matches and orders, as [`SearchIndex::search`] does, without counting.
    pub fn find(&self, query: &Query) -> Found {
        exec::find(self, query)
    }

    /// The counts that go with `found`, which [`SearchIndex::find`] gave for the same `query`.
    pub fn count(&self, query: &Query, found: &Found) -> Counted {
        exec::count(self, query, found)
    }

    /// The matched stretches of `study`'s fields, for rendering one record. Prefer
    /// [`SearchIndex::highlighter`] when marking up many records for one query.
    pub fn highlights(&self, query: &Query, study: &Study) -> Vec<Highlight> {
        self.highlighter(query).highlights(study)
    }

    /// Expands the query once, for highlighting the records on screen.
    pub fn highlighter(&self, query: &Query) -> Highlighter {
        Highlighter::new(self, &query.text)
    }

    /// How many records the index holds.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// How many distinct terms the index holds.
    pub fn term_count(&self) -> usize {
        self.dict.len()
    }
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("records", &self.records.len())
            .field("terms", &self.dict.len())
            .field("postings", &self.post_docs.len())
            .field("sequence", &self.seq.len())
            .finish_non_exhaustive()
    }
}
