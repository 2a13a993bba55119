//! Marking what matched in one record, for the rows on screen only.
//!
//! The query is expanded once (prefixes, typos, synonyms) into the set of index terms it
//! matches; each field of a record is then tokenised again and every word or join whose term is
//! in the set is marked, so a record found through "Keytruda" shows "pembrolizumab" marked.
//! Identifiers and trial names run together are whole terms (see [`super::ident`]), marked
//! whole.

use super::ident;
use super::index::fields;
use super::plan::Plan;
use super::tokenize::Tokens;
use super::{Field, Highlight, SearchIndex};
use crate::data::Study;
use std::ops::Range;

/// A query expanded for highlighting; cheap to apply to one record at a time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlighter {
    /// Matched terms, sorted. One-letter terms are left out: the "t" of "CAR-T" would otherwise
    /// light up every "T cell"; they are still marked as part of a matched join.
    terms: Vec<String>,
    /// Quoted phrases, as their parts' terms.
    phrases: Vec<Vec<String>>,
}

impl Highlighter {
    pub(crate) fn new(index: &SearchIndex, text: &str) -> Self {
        let plan = Plan::new(index, text);
        let mut terms: Vec<String> = Vec::new();
        let mut phrases = Vec::new();
        for unit in &plan.units {
            match &unit.phrase {
                Some(ids) => phrases.push(
                    ids.iter()
                        .map(|&id| index.dict.term(id).to_string())
                        .collect(),
                ),
                None => {
                    let matches = unit.alternatives.iter().flatten().flatten();
                    terms.extend(matches.map(|m| index.dict.term(m.term).to_string()));
                }
            }
        }
        terms.retain(|term| term.chars().nth(1).is_some());
        crate::order::sort_by(&mut terms, Ord::cmp);
        terms.dedup();
        Self { terms, phrases }
    }

    /// Whether `term` is one the query matched.
    fn has(&self, term: &str) -> bool {
        self.terms
            .binary_search_by(|t| t.as_str().cmp(term))
            .is_ok()
    }

    /// Matched byte ranges of `study`'s fields: sorted by field and position, on char
    /// boundaries, and not overlapping within a field.
    pub fn highlights(&self, study: &Study) -> Vec<Highlight> {
        let mut out = Vec::new();
        if self.terms.is_empty() && self.phrases.is_empty() {
            return out;
        }
        let mut tokens = Tokens::default();
        let mut ranges: Vec<Range<usize>> = Vec::new();
        fields(study, |field, text| {
            tokens.tokenize(text);
            ranges.clear();
            let parts = tokens.parts.clone();
            if let (Field::Trial(_), Some(joined)) = (field, ident::joined_name(&tokens))
                && self.has(&joined)
                && let (Some(first), Some(last)) = (parts.first(), parts.last())
            {
                ranges.push(first.src.start..last.src.end);
            }
            tokens.terms(|term, first, last, _| {
                if self.has(term) {
                    ranges.push(parts[first].src.start..parts[last].src.end);
                }
            });
            for phrase in &self.phrases {
                let len = phrase.len();
                for start in 0..parts.len().saturating_sub(len - 1) {
                    let matches = (0..len).all(|i| tokens.text(start + i) == phrase[i]);
                    if matches {
                        ranges.push(parts[start].src.start..parts[start + len - 1].src.end);
                    }
                }
            }
            merge(field, &mut ranges, &mut out);
        });
        ident::identifiers(study, |field, id| {
            if self.has(&ident::key(id)) {
                let start = id.len() - id.trim_start().len();
                let range = start..id.trim_end().len();
                if !range.is_empty() {
                    out.push(Highlight { field, range });
                }
            }
        });
        out
    }
}

/// Sorts and merges overlapping or touching ranges of one field into `out`.
fn merge(field: Field, ranges: &mut [Range<usize>], out: &mut Vec<Highlight>) {
    crate::order::sort_by(ranges, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
    let mut current: Option<Range<usize>> = None;
    for range in ranges.iter() {
        match &mut current {
            Some(open) if range.start <= open.end => open.end = open.end.max(range.end),
            _ => {
                if let Some(done) = current.take() {
                    out.push(Highlight { field, range: done });
                }
                current = Some(range.clone());
            }
        }
    }
    if let Some(done) = current {
        out.push(Highlight { field, range: done });
    }
}
