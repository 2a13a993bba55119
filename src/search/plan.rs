//! Turning the parsed query into what the index can match: for each word (or group of words),
//! alternative sets of index terms, each term tagged with how well it matches.
//!
//! A word is found by its exact term, by terms it starts (while it is being typed), by terms a
//! few typos away, by its hyphen-parts when it is a compound, and by the other names of its
//! synonym groups. Neighbouring words are also tried joined ("pd 1" as "pd1"), and runs of
//! words are looked up as multi-word synonyms ("chimeric antigen receptor"). An item with
//! punctuation that is an identifier ("10.1056/NEJMoa1003466") is one unit of its own (see
//! [`super::ident`]).

use super::SearchIndex;
use super::dict::Near;
use super::expand::typos_allowed;
use super::query::{self, Item};
use super::tokenize::Tokens;

/// Match classes, in points: every unit's points dominate its BM25 share (which stays below
/// [`CLASS_SCALE`]), so an exact match always ranks above a prefix match, and that above a typo.
pub(crate) const EXACT: u8 = 4;
pub(crate) const SYNONYM: u8 = 3;
pub(crate) const PREFIX: u8 = 2;
pub(crate) const TYPO: u8 = 1;
pub(crate) const CLASS_SCALE: f32 = 64.0;

/// At most this many alternatives per unit.
const MAX_ALTERNATIVES: usize = 16;
/// Runs of at most this many words are looked up as one synonym.
const MAX_SYNONYM_WORDS: usize = 4;

/// One index term a word may match, and how well.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TermMatch {
    pub term: u32,
    pub class: u8,
    /// Scales the term's BM25 share within its class (shorter prefixes and more typos score less).
    pub factor: f32,
}

/// Any of these terms.
pub(crate) type TermSet = Vec<TermMatch>;
/// All of these sets.
pub(crate) type Conjunction = Vec<TermSet>;

/// One word, group of words or phrase of the query: a record matches it if it matches any
/// alternative.
#[derive(Clone, Debug, Default)]
pub(crate) struct Unit {
    /// As typed, for `Results::unmatched_words`.
    pub label: String,
    pub alternatives: Vec<Conjunction>,
    /// For a quoted phrase: its parts' term ids, which must also appear consecutively.
    pub phrase: Option<Vec<u32>>,
}

/// The query in index terms.
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    /// Every one must match.
    pub units: Vec<Unit>,
    /// None may match.
    pub excluded: Vec<Unit>,
}

/// A word of the query, after tokenising.
#[derive(Clone, Debug)]
struct Word {
    label: String,
    joined: String,
    parts: Vec<String>,
    prefix: bool,
}

impl Plan {
    pub fn new(index: &SearchIndex, text: &str) -> Self {
        let parsed = query::parse(text);
        let mut planner = Planner {
            index,
            tokens: Tokens::default(),
            near: Vec::new(),
        };
        let mut plan = Plan::default();
        let mut run: Vec<Word> = Vec::new();
        let last = parsed.items.len().saturating_sub(1);
        for (position, item) in parsed.items.iter().enumerate() {
            let prefix = position == last && parsed.last_is_prefix;
            // A whole identifier or a quoted phrase is one unit of its own, after the words
            // before it are grouped.
            let whole = match planner.identifier_unit(item.text, prefix) {
                Some(unit) => Some(Some(unit)),
                None => item.phrase.then(|| planner.phrase_unit(item.text)),
            };
            if let Some(unit) = whole {
                planner.group_run(&mut run, &mut plan.units);
                let into = if item.excluded {
                    &mut plan.excluded
                } else {
                    &mut plan.units
                };
                into.extend(unit);
                continue;
            }
            let words = planner.words(item, prefix);
            if item.excluded {
                planner.group_run(&mut run, &mut plan.units);
                plan.excluded
                    .extend(words.iter().map(|word| planner.excluded_unit(word)));
            } else {
                run.extend(words);
            }
        }
        planner.group_run(&mut run, &mut plan.units);
        plan
    }
}

/// Turns words into units; the expansion of one word lives in [`super::expand`].
pub(super) struct Planner<'a> {
    pub(super) index: &'a SearchIndex,
    tokens: Tokens,
    pub(super) near: Vec<Near>,
}

impl Planner<'_> {
    /// The words of one typed item ("PD-1/PD-L1" is two); only the last can be a prefix.
    fn words(&mut self, item: &Item<'_>, prefix: bool) -> Vec<Word> {
        self.tokens.tokenize(item.text);
        let count = self.tokens.words.len();
        (0..count)
            .map(|w| {
                let parts = self.tokens.words[w].clone();
                let source = self.tokens.parts[parts.start].src.start
                    ..self.tokens.parts[parts.end - 1].src.end;
                Word {
                    label: item.text[source].to_string(),
                    joined: self.tokens.joined(w),
                    parts: parts.map(|p| self.tokens.text(p).to_string()).collect(),
                    prefix: prefix && w + 1 == count,
                }
            })
            .collect()
    }

    /// Turns a run of consecutive words into units, grouping words that together form a
    /// synonym or a joined term, longest first.
    fn group_run(&mut self, run: &mut Vec<Word>, units: &mut Vec<Unit>) {
        let words = std::mem::take(run);
        let mut start = 0;
        while start < words.len() {
            let longest = MAX_SYNONYM_WORDS.min(words.len() - start);
            let group = (2..=longest).rev().find(|&len| {
                let span = &words[start..start + len];
                let key: String = span.iter().map(|w| w.joined.as_str()).collect();
                let prefix = span[len - 1].prefix;
                let dict = &self.index.dict;
                self.index.synonyms.find(&key).is_some()
                    || (len == 2
                        && (dict.find(&key).is_some()
                            || (prefix && !dict.prefix_range(&key).is_empty())))
            });
            let len = group.unwrap_or(1);
            let span = &words[start..start + len];
            let unit = if len == 1 {
                self.word_unit(&span[0])
            } else {
                self.group_unit(span)
            };
            units.push(unit);
            start += len;
        }
    }

    fn word_unit(&mut self, word: &Word) -> Unit {
        let mut alternatives = self.word_alternatives(word);
        let typos = typos_allowed(&word.joined) && !self.known_short(&word.joined);
        self.synonym_alternatives(&word.joined, word.prefix, typos, &mut alternatives);
        alternatives.truncate(MAX_ALTERNATIVES);
        Unit {
            label: word.label.clone(),
            alternatives,
            phrase: None,
        }
    }

    /// Several words that may stand for one thing: matched as one joined term, as a synonym,
    /// or as the words one by one.
    fn group_unit(&mut self, span: &[Word]) -> Unit {
        let key: String = span.iter().map(|w| w.joined.as_str()).collect();
        let prefix = span.last().is_some_and(|w| w.prefix);
        // No typos on the joined key: its words already get them, and a long key's typo search
        // is the costliest lookup there is.
        let mut alternatives = vec![vec![self.expand(&key, prefix, 1.0, false)]];
        let mut product: Vec<Conjunction> = vec![Vec::new()];
        for word in span {
            let own = self.word_alternatives(word);
            product = product
                .iter()
                .flat_map(|head| {
                    own.iter()
                        .map(move |tail| [head.clone(), tail.clone()].concat())
                })
                .take(MAX_ALTERNATIVES)
                .collect();
        }
        alternatives.extend(product);
        self.synonym_alternatives(&key, prefix, false, &mut alternatives);
        alternatives.retain(|alternative| alternative.iter().all(|set| !set.is_empty()));
        alternatives.truncate(MAX_ALTERNATIVES);
        let labels: Vec<&str> = span.iter().map(|w| w.label.as_str()).collect();
        Unit {
            label: labels.join(" "),
            alternatives,
            phrase: None,
        }
    }

    /// Whether `text` is a short term (five letters or fewer) the index holds exactly.
    fn known_short(&self, text: &str) -> bool {
        text.len() <= 5 && self.index.dict.find(text).is_some()
    }

    /// A word as itself, and a compound also as its parts ("TNF-alpha" as "tnf" and "alpha").
    fn word_alternatives(&mut self, word: &Word) -> Vec<Conjunction> {
        // A short word the index holds as typed ("cart", "pd1", the join of "CAR-T") is not also
        // matched a typo away: "cart" one edit from "car", as a prefix, found every "carcinoma"
        // and "cardiac" record, twice what "car t" found (issue #23).
        let typos = typos_allowed(&word.joined) && !self.known_short(&word.joined);
        let mut alternatives = vec![vec![self.expand(&word.joined, word.prefix, 1.0, typos)]];
        if word.parts.len() > 1 {
            let last = word.parts.len() - 1;
            // A compound the index knows as written ("CAR-T" as "cart") is not also looked for
            // as its parts with typos: "car" a typo away finds any "T cell" record with "cat" or
            // "can", so "CAR-T" found twice what "car t" did (issue #23).
            let known = self.index.dict.find(&word.joined).is_some();
            let parts = word.parts.iter().enumerate().map(|(i, part)| {
                self.expand(
                    part,
                    word.prefix && i == last,
                    0.9,
                    typos_allowed(part) && !known,
                )
            });
            alternatives.push(parts.collect());
        }
        alternatives.retain(|alternative| alternative.iter().all(|set| !set.is_empty()));
        alternatives
    }

    /// An excluded word removes records with the word itself or a synonym; typos and prefixes
    /// would remove more than the user named.
    fn excluded_unit(&mut self, word: &Word) -> Unit {
        let exact = |planner: &Self, text: &str| -> TermSet {
            let term = planner.index.dict.find(text);
            term.map(|term| TermMatch {
                term,
                class: EXACT,
                factor: 1.0,
            })
            .into_iter()
            .collect()
        };
        let mut alternatives = vec![vec![exact(self, &word.joined)]];
        if word.parts.len() > 1 {
            alternatives.push(word.parts.iter().map(|part| exact(self, part)).collect());
        }
        self.synonym_alternatives(&word.joined, false, false, &mut alternatives);
        alternatives.retain(|alternative| alternative.iter().all(|set| !set.is_empty()));
        Unit {
            label: word.label.clone(),
            alternatives,
            phrase: None,
        }
    }

    /// A quoted phrase: its parts, exactly, in order. `None` if it has no letters or digits.
    fn phrase_unit(&mut self, text: &str) -> Option<Unit> {
        self.tokens.tokenize(text);
        if self.tokens.parts.is_empty() {
            return None;
        }
        let dict = &self.index.dict;
        let ids: Option<Vec<u32>> = (0..self.tokens.parts.len())
            .map(|part| dict.find(self.tokens.text(part)))
            .collect();
        let label = format!("\"{}\"", text.trim());
        let Some(ids) = ids else {
            return Some(Unit {
                label,
                ..Unit::default()
            });
        };
        let exact = |&term: &u32| {
            vec![TermMatch {
                term,
                class: EXACT,
                factor: 1.0,
            }]
        };
        Some(Unit {
            label,
            alternatives: vec![ids.iter().map(exact).collect()],
            phrase: (ids.len() > 1).then_some(ids),
        })
    }
}
