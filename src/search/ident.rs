//! Identifiers (DOI, PMID, PMCID, ClinicalTrials.gov numbers) and trial names as whole terms.
//!
//! The tokeniser cuts `10.1056/NEJMoa1003466` at every `.` and `/` into parts that many records
//! share ("10", "1056"), so a DOI typed in full would find everything holding those numbers.
//! Each identifier is therefore indexed as one term, its text lowercased (DOIs are
//! case-insensitive, and people type the others either way), and not as parts. A typed word with
//! punctuation in it is looked up whole first: when the dictionary has it (or, while it is being
//! typed, has terms it starts) it stands for those identifiers alone. Ordinary terms are letters
//! and digits only, so nothing else can be found this way. NCT numbers, PMIDs and PMCIDs are one
//! part anyway, which the ordinary path finds as well.
//!
//! Two more kinds of whole term help people type what they see: a trial name of several words
//! run together ("CheckMate 067" as `checkmate067`, as "KEYNOTE-024" is already found as
//! `keynote024`), and the words `doi` and `pmid` on records that have one, so "PMID 20525992"
//! or "DOI 10.1056/…" copied from a record's details finds it.

use super::Field;
use super::plan::{EXACT, PREFIX, Planner, TermMatch, TermSet, Unit};
use super::tokenize::Tokens;
use crate::data::Study;

/// At most this many identifiers stand for one that is being typed.
const MAX_STARTED: usize = 64;

/// What people paste before an identifier, lowercased: dropped before the lookup.
const SCHEMES: [&str; 8] = [
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "doi.org/",
    "doi:",
    "pmid:",
    "pmcid:",
];

/// Calls `visit` with each identifier of `study`, in [`Field`] order.
pub(crate) fn identifiers(study: &Study, mut visit: impl FnMut(Field, &str)) {
    if let Some(publication) = &study.publication {
        let ids = [
            (Field::Doi, &publication.doi),
            (Field::Pmid, &publication.pmid),
            (Field::Pmcid, &publication.pmcid),
            (Field::Nct, &publication.nct),
        ];
        for (field, id) in ids {
            if let Some(id) = id {
                visit(field, id);
            }
        }
    }
    for (i, trial) in study.trials.iter().enumerate() {
        if let Some(nct) = &trial.nct {
            visit(Field::TrialNct(i), nct);
        }
    }
}

/// The term an identifier is indexed as, and looked up by.
pub(crate) fn key(identifier: &str) -> String {
    // Lowercased a character at a time, as `fold` lowercases all other text: `str::to_lowercase`
    // differs only in writing a word-final capital sigma as `ς`, and its rule for that is 3.8 kB
    // of the app's wasm.
    identifier
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .collect()
}

/// Calls `add(term, field)` with every whole term of `study` (see the module's doc); the field
/// is `None` for the words `doi` and `pmid`, which count like a label.
pub(crate) fn whole_terms(
    study: &Study,
    tokens: &mut Tokens,
    mut add: impl FnMut(&str, Option<Field>),
) {
    identifiers(study, |field, id| {
        let key = key(id);
        if !key.is_empty() {
            add(&key, Some(field));
        }
    });
    if let Some(publication) = &study.publication {
        if publication.doi.is_some() {
            add("doi", None);
        }
        if publication.pmid.is_some() {
            add("pmid", None);
        }
    }
    for (i, trial) in study.trials.iter().enumerate() {
        let Some(name) = &trial.name else { continue };
        tokens.tokenize(name);
        if let Some(joined) = joined_name(tokens) {
            add(&joined, Some(Field::Trial(i)));
        }
    }
}

/// The name in `tokens` run together, when it has several words (one word's joins are made by
/// the tokeniser already).
pub(crate) fn joined_name(tokens: &Tokens) -> Option<String> {
    (tokens.words.len() > 1).then(|| (0..tokens.parts.len()).map(|p| tokens.text(p)).collect())
}

impl Planner<'_> {
    /// `text` (one typed item) as identifiers: when it has punctuation in it and, without the
    /// brackets, scheme (`doi:`, `https://doi.org/`…) or full stop it was pasted with, it is an
    /// indexed identifier, or (with `prefix`, while it is being typed) starts some. A whole
    /// identifier stands for itself alone, so a DOI typed in full finds exactly its records.
    pub(super) fn identifier_unit(&self, text: &str, prefix: bool) -> Option<Unit> {
        let key = key(text);
        if key.chars().all(char::is_alphanumeric) {
            return None; // The ordinary path finds these.
        }
        // Copied from prose, it may come in brackets, after a scheme, or before a full stop.
        let unwrapped = key.strip_prefix(['(', '[', '<']).unwrap_or(&key);
        let bare = SCHEMES
            .iter()
            .find_map(|scheme| unwrapped.strip_prefix(scheme))
            .unwrap_or(unwrapped);
        let mut trimmed = bare.trim_end_matches(['.', ',', ';', ':']);
        for (open, close) in [('(', ')'), ('[', ']'), ('<', '>')] {
            if trimmed.ends_with(close)
                && trimmed.matches(close).count() > trimmed.matches(open).count()
            {
                trimmed = &trimmed[..trimmed.len() - 1];
            }
        }
        // Without its punctuation a word is an ordinary one ("melanoma,"), which the ordinary
        // path finds with its prefixes, typos and synonyms; unless a scheme said what it is.
        let schemed = bare.len() < unwrapped.len();
        let whole = |candidate: &&str| {
            !candidate.is_empty() && (schemed || !candidate.chars().all(char::is_alphanumeric))
        };
        let dict = &self.index.dict;
        let exact = [key.as_str(), bare, trimmed]
            .into_iter()
            .filter(whole)
            .find_map(|candidate| dict.find(candidate));
        let set: TermSet = match exact {
            Some(term) => vec![TermMatch {
                term,
                class: EXACT,
                factor: 1.0,
            }],
            None if prefix && whole(&bare) => dict
                .prefix_range(bare)
                .take(MAX_STARTED)
                .map(|term| TermMatch {
                    term,
                    class: PREFIX,
                    factor: 0.5 + 0.5 * bare.len() as f32 / dict.term(term).len() as f32,
                })
                .collect(),
            None => Vec::new(),
        };
        (!set.is_empty()).then(|| Unit {
            label: text.to_owned(),
            alternatives: vec![vec![set]],
            phrase: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn a_key_is_the_identifier_trimmed_and_lowercased() {
        assert_eq!(key("  10.1056/NEJMoa1003466 "), "10.1056/nejmoa1003466");
        assert_eq!(key("NCT00094653"), "nct00094653");
        assert_eq!(key("PMC3549297"), "pmc3549297");
        // Beyond ASCII each character is lowercased alone, as `fold` does for all other text.
        assert_eq!(key("10.1000/ÄBΣ-İ"), "10.1000/äbσ-i\u{307}");
    }
}
