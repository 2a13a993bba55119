//! What one typed word stands for in index terms: itself, the terms it starts (while it is
//! being typed), the terms a few typos away, and the other names of its synonym groups.

use super::plan::{Conjunction, EXACT, PREFIX, Planner, SYNONYM, TYPO, TermMatch, TermSet};

/// At most this many terms stand for one typed word (and fewer when they are frequent: see
/// `Planner::expand`): a one-letter prefix can match thousands.
const MAX_EXPANSIONS: usize = 64;
/// Longer words are only matched exactly or by prefix: the typo table grows with the length.
const MAX_TYPO_BYTES: usize = 48;

impl Planner<'_> {
    /// Adds, for every synonym name that `key` is (or starts, or nearly is), the other names of
    /// its group; a multi-word name needs all its words.
    pub(super) fn synonym_alternatives(
        &mut self,
        key: &str,
        prefix: bool,
        typos: bool,
        out: &mut Vec<Conjunction>,
    ) {
        let synonyms = &self.index.synonyms;
        // A name found by prefix or typo scores in that class, not as a synonym: the match is
        // only as good as its weakest step.
        let mut names: Vec<(u32, u8, f32)> = Vec::new();
        if let Some(id) = synonyms.find(key) {
            names.push((id, SYNONYM, 1.0));
        }
        if prefix && key.len() >= 3 {
            let range = synonyms.keys().prefix_range(key);
            let longer =
                range.filter(|&id| synonyms.keys().term(id) != key && synonyms.is_one_word(id));
            names.extend(longer.map(|id| (id, PREFIX, 0.7)));
        }
        let edits = if typos { max_edits(key) } else { 0 };
        if edits > 0 {
            self.near.clear();
            synonyms.keys().fuzzy(key, edits, false, &mut self.near);
            let near = self
                .near
                .iter()
                .filter(|n| n.distance > 0 && synonyms.is_one_word(n.term));
            names.extend(near.map(|n| (n.term, TYPO, 0.6)));
        }
        let dict = &self.index.dict;
        for (id, class, factor) in names {
            for words in synonyms.others(id) {
                let found: Option<Conjunction> = words
                    .iter()
                    .map(|word| {
                        let term = dict.find(word)?;
                        Some(vec![TermMatch {
                            term,
                            class,
                            factor,
                        }])
                    })
                    .collect();
                out.extend(found);
            }
        }
    }

    /// The terms `text` stands for: itself, terms it starts (with `prefix`), and terms within
    /// the allowed typos (with `typos`); the best [`MAX_EXPANSIONS`] of them.
    pub(super) fn expand(&mut self, text: &str, prefix: bool, factor: f32, typos: bool) -> TermSet {
        let dict = &self.index.dict;
        let mut set = TermSet::new();
        if text.is_empty() {
            return set;
        }
        if let Some(term) = dict.find(text) {
            set.push(TermMatch {
                term,
                class: EXACT,
                factor,
            });
        }
        if prefix {
            let mut started: Vec<u32> = dict.prefix_range(text).collect();
            if started.len() > MAX_EXPANSIONS {
                // A short prefix starts thousands of terms: keep the most frequent, which the
                // cap below would keep anyway, before building a match for each.
                let index = self.index;
                let mut by_frequency: Vec<u64> = started
                    .iter()
                    .map(|&term| u64::from(u32::MAX - index.doc_freq(term)) << 32 | u64::from(term))
                    .collect();
                crate::order::select_nth_by(&mut by_frequency, MAX_EXPANSIONS, Ord::cmp);
                by_frequency.truncate(MAX_EXPANSIONS + 1);
                started = by_frequency.iter().map(|&key| key as u32).collect();
            }
            for term in started {
                let length = dict.term(term).len();
                if length != text.len() {
                    let coverage = text.len() as f32 / length as f32;
                    set.push(TermMatch {
                        term,
                        class: PREFIX,
                        factor: factor * (0.5 + 0.5 * coverage),
                    });
                }
            }
        }
        let edits = if typos && text.len() <= MAX_TYPO_BYTES {
            max_edits(text)
        } else {
            0
        };
        if edits > 0 {
            self.near.clear();
            dict.fuzzy(text, edits, prefix, &mut self.near);
            let started = if prefix {
                dict.prefix_range(text)
            } else {
                0..0
            };
            for near in &self.near {
                let exact = near.distance == 0 || (prefix && near.prefix_distance == 0);
                if exact || started.contains(&near.term) {
                    continue; // Already found as exact or prefix.
                }
                let closeness = if near.distance <= edits {
                    1.0 / (1.0 + f32::from(near.distance))
                } else {
                    0.5 / (1.0 + f32::from(near.prefix_distance))
                };
                set.push(TermMatch {
                    term: near.term,
                    class: TYPO,
                    factor: factor * closeness,
                });
            }
        }
        if set.len() > 1 {
            let index = self.index;
            // Within a class the frequent terms first: they are what a short prefix most
            // likely means, where a rare name that happens to be short is not.
            let better = |a: &TermMatch, b: &TermMatch| {
                (b.class, index.doc_freq(b.term), b.factor)
                    .partial_cmp(&(a.class, index.doc_freq(a.term), a.factor))
                    .unwrap_or(std::cmp::Ordering::Equal)
            };
            if set.len() > MAX_EXPANSIONS {
                crate::order::select_nth_by(&mut set, MAX_EXPANSIONS - 1, better);
                set.truncate(MAX_EXPANSIONS);
            }
            crate::order::sort_by(&mut set, better);
            // The best term always counts; the others only while their records, added up, stay
            // within the size of the index, so a one-letter prefix costs no more than a common
            // word.
            let budget = index.len() as u64;
            let mut postings = 0;
            let keep = set
                .iter()
                .position(|m| {
                    postings += u64::from(index.doc_freq(m.term));
                    postings > budget
                })
                .map_or(set.len(), |over| over.max(1));
            set.truncate(keep);
        }
        set
    }
}

/// Typos allowed in a word of this many characters: 1 from 4, 2 from 8, and 3 from 12, because
/// long drug names are where people misspell most ("tisagenleucel").
pub(super) fn max_edits(text: &str) -> u8 {
    match text.chars().count() {
        0..4 => 0,
        4..8 => 1,
        8..12 => 2,
        _ => 3,
    }
}

/// Words with digits are identifiers (CD19, IL-2, a year) whose near neighbours are different
/// things, so they only match exactly or by prefix.
pub(super) fn typos_allowed(text: &str) -> bool {
    !text.bytes().any(|b| b.is_ascii_digit())
}
