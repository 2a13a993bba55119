//! Splitting text into words and parts, and the index terms each word yields.
//!
//! A *part* is a run of letters and digits ("pd", "1"), or one Greek letter. A *word* is a run of
//! parts held together by hyphens ("PD-1"), by nothing ("TNFα"), or by a single space when one
//! side is too short to stand alone ("CAR T", "IL 2", "T cell"). A word yields its parts and the
//! joins of up to four consecutive parts, so "anti-PD-1" is found as "pd1", "CAR T" as "cart",
//! and "TNF-α" as "tnfalpha" and "tnfa". Byte ranges into the source text are kept for highlights.

use super::fold::{self, Class, Folded};
use std::ops::Range;

/// Joins span at most this many parts, so a long hyphenated chain yields a bounded number of terms.
const MAX_JOIN: usize = 4;

/// One part of a word.
#[derive(Clone, Debug)]
pub(crate) struct Part {
    /// Byte range in the source text.
    pub src: Range<usize>,
    /// Byte range of the folded text in [`Tokens::folded`].
    pub text: Range<usize>,
    /// The Greek letter this part is, if it is one.
    pub greek: Option<u8>,
    /// The source is one capital ASCII letter ("T" in "CAR T").
    single_capital: Option<u8>,
    /// The source is one or two digits ("1" in "PD 1").
    short_number: bool,
}

/// The tokens of one text, reusable across texts to avoid allocating per field.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tokens {
    pub folded: String,
    pub parts: Vec<Part>,
    /// Each word as a range of indices into `parts`.
    pub words: Vec<Range<usize>>,
    /// Whether only whitespace separates word `i` from word `i - 1`.
    space_before: Vec<bool>,
    /// Scratch buffers, kept to avoid allocating per text.
    join: String,
    merged: Vec<Range<usize>>,
}

/// What a term emitted by [`Tokens::terms`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TermKind {
    /// A part: it takes a position in the text, so phrases can be matched against it.
    Part,
    /// A join of several parts, or its Greek-abbreviated form: an extra way to find the word.
    Join,
}

impl Tokens {
    /// Replaces the tokens with those of `text`.
    pub fn tokenize(&mut self, text: &str) {
        self.folded.clear();
        self.parts.clear();
        self.words.clear();
        self.space_before.clear();
        let mut part_start: Option<(usize, usize)> = None;
        // What lay between the previous part and the next: nothing, a hyphen, only whitespace,
        // or something that ends the word.
        let mut gap = Gap::Start;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // Runs of ASCII letters and digits, nearly all of the text, are copied in one go.
            let ascii = bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if ascii > 0 {
                if part_start.is_none() {
                    self.begin_part(gap);
                    gap = Gap::None;
                    part_start = Some((at, self.folded.len()));
                }
                let from = self.folded.len();
                self.folded.push_str(&text[at..at + ascii]);
                self.folded[from..].make_ascii_lowercase();
                at += ascii;
                continue;
            }
            // `at` is on a char boundary: it only ever advances by whole chars.
            let Some(c) = text[at..].chars().next() else {
                break;
            };
            match fold::classify(c) {
                Class::Text(folded) => {
                    if part_start.is_none() {
                        self.begin_part(gap);
                        gap = Gap::None;
                        part_start = Some((at, self.folded.len()));
                    }
                    match folded {
                        Folded::Ascii(b) => self.folded.push(char::from(b)),
                        Folded::Str(s) => self.folded.push_str(s),
                        Folded::Other(c) => self.folded.push(c),
                    }
                }
                Class::Greek(letter) => {
                    self.end_part(text, &mut part_start, at);
                    self.begin_part(gap);
                    gap = Gap::None;
                    let start = self.folded.len();
                    self.folded.push_str(fold::GREEK[usize::from(letter)]);
                    self.push_part(at..at + c.len_utf8(), start, Some(letter), text);
                }
                Class::Ignore => {}
                Class::Connector => {
                    self.end_part(text, &mut part_start, at);
                    if gap == Gap::None {
                        gap = Gap::Hyphen;
                    }
                }
                Class::Separator => {
                    self.end_part(text, &mut part_start, at);
                    gap = match gap {
                        Gap::None | Gap::Space if c.is_whitespace() => Gap::Space,
                        Gap::Start => Gap::Start,
                        _ => Gap::Hard,
                    };
                }
            }
            at += c.len_utf8();
        }
        self.end_part(text, &mut part_start, text.len());
        self.merge_short_neighbours();
    }

    /// The folded text of part `index`.
    pub fn text(&self, index: usize) -> &str {
        &self.folded[self.parts[index].text.clone()]
    }

    /// The folded text of word `word`'s parts run together ("PD-1" → "pd1").
    pub fn joined(&self, word: usize) -> String {
        self.words[word].clone().map(|i| self.text(i)).collect()
    }

    /// Calls `emit(term, first_part, last_part, kind)` for every part of every word, then for
    /// every join of 2 to [`MAX_JOIN`] consecutive parts of a word, with its Greek-abbreviated
    /// form when it mixes Greek and other parts.
    pub fn terms(&mut self, mut emit: impl FnMut(&str, usize, usize, TermKind)) {
        let mut join = std::mem::take(&mut self.join);
        let mut greek: Vec<Option<u8>> = Vec::new();
        for word in 0..self.words.len() {
            let parts = self.words[word].clone();
            for index in parts.clone() {
                emit(self.text(index), index, index, TermKind::Part);
            }
            if parts.len() < 2 {
                continue;
            }
            // A spelled-out Greek name ("alpha") counts as a letter only inside a compound,
            // where it clearly is one.
            greek.clear();
            greek.extend(parts.clone().map(|index| {
                self.parts[index]
                    .greek
                    .or_else(|| fold::greek_by_name(self.text(index)))
            }));
            for first in parts.clone() {
                let last_limit = parts.end.min(first + MAX_JOIN);
                for last in first + 1..last_limit {
                    join.clear();
                    let letters = &greek[first - parts.start..=last - parts.start];
                    for index in first..=last {
                        join.push_str(self.text(index));
                    }
                    emit(&join, first, last, TermKind::Join);
                    if letters.iter().any(Option::is_some) && letters.iter().any(Option::is_none) {
                        join.clear();
                        for (index, letter) in (first..=last).zip(letters) {
                            match letter {
                                Some(letter) => {
                                    join.push(char::from(fold::greek_abbreviation(*letter)))
                                }
                                None => join.push_str(self.text(index)),
                            }
                        }
                        emit(&join, first, last, TermKind::Join);
                    }
                }
            }
        }
        self.join = join;
    }

    fn begin_part(&mut self, gap: Gap) {
        match gap {
            Gap::None | Gap::Hyphen => {}
            Gap::Start | Gap::Space | Gap::Hard => {
                self.space_before.push(gap == Gap::Space);
                let next = self.parts.len();
                self.words.push(next..next);
            }
        }
    }

    fn end_part(&mut self, text: &str, part_start: &mut Option<(usize, usize)>, at: usize) {
        if let Some((src, start)) = part_start.take() {
            self.push_part(src..at, start, None, text);
        }
    }

    fn push_part(&mut self, src: Range<usize>, start: usize, greek: Option<u8>, text: &str) {
        let source = &text[src.clone()];
        let single_capital = match source.as_bytes() {
            [b] if b.is_ascii_uppercase() => Some(*b),
            _ => None,
        };
        let short_number =
            (1..=2).contains(&source.len()) && source.bytes().all(|b| b.is_ascii_digit());
        self.parts.push(Part {
            src,
            text: start..self.folded.len(),
            greek,
            single_capital,
            short_number,
        });
        if let Some(word) = self.words.last_mut() {
            word.end = self.parts.len();
        }
    }

    /// Merges a word into the one before it when a single space separates them and one side is
    /// a fragment that only makes sense joined: "CAR T", "PD 1", "IL 2", "TNF α", "T cell".
    fn merge_short_neighbours(&mut self) {
        let mut merged = std::mem::take(&mut self.merged);
        merged.clear();
        for (index, word) in self.words.iter().enumerate() {
            if let Some(previous) = merged.last_mut()
                && self.space_before[index]
                && word.start < word.end
                && previous.start < previous.end
            {
                let before = &self.parts[previous.end - 1];
                let after = &self.parts[word.start];
                // A capital letter joins forward only when it stands alone ("T cell", not the
                // "T" of "CAR-T therapy"), and never "A" or "I", which are English words.
                let alone = previous.end - previous.start == 1;
                let joins = after.greek.is_some()
                    || after.short_number
                    || after.single_capital.is_some()
                    || (alone
                        && before
                            .single_capital
                            .is_some_and(|b| b != b'A' && b != b'I'));
                if joins {
                    previous.end = word.end;
                    continue;
                }
            }
            merged.push(word.clone());
        }
        merged.retain(|word| word.start < word.end);
        std::mem::swap(&mut self.words, &mut merged);
        self.merged = merged;
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    Start,
    None,
    Hyphen,
    Space,
    Hard,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> String {
        let mut tokens = Tokens::default();
        tokens.tokenize(text);
        let mut out = Vec::new();
        tokens.terms(|term, first, last, kind| {
            let marker = if kind == TermKind::Part { "" } else { "+" };
            out.push(format!("{marker}{term}@{first}-{last}"));
        });
        out.join(" ")
    }

    #[test]
    fn words_parts_and_joins() {
        for (input, expected) in [
            ("PD-1", "pd@0-0 1@1-1 +pd1@0-1"),
            ("CAR T", "car@0-0 t@1-1 +cart@0-1"),
            ("T cell", "t@0-0 cell@1-1 +tcell@0-1"),
            ("A tumor", "a@0-0 tumor@1-1"),
            ("CAR-T therapy", "car@0-0 t@1-1 +cart@0-1 therapy@2-2"),
            ("CAR T cells", "car@0-0 t@1-1 +cart@0-1 cells@2-2"),
            ("TNF-α", "tnf@0-0 alpha@1-1 +tnfalpha@0-1 +tnfa@0-1"),
            ("TNFα", "tnf@0-0 alpha@1-1 +tnfalpha@0-1 +tnfa@0-1"),
            ("IFN-gamma", "ifn@0-0 gamma@1-1 +ifngamma@0-1 +ifng@0-1"),
            ("alpha", "alpha@0-0"),
            ("Massagué, 2009.", "massague@0-0 2009@1-1"),
            (
                "anti-PD-L1",
                "anti@0-0 pd@1-1 l1@2-2 +antipd@0-1 +antipdl1@0-2 +pdl1@1-2",
            ),
            ("a -- b", "a@0-0 b@1-1"),
            ("", ""),
            ("---", ""),
        ] {
            assert_eq!(terms(input), expected, "terms of {input:?}");
        }
    }

    #[test]
    fn source_ranges_are_char_boundaries() {
        let text = "Joan Massagué’s TNF‐α";
        let mut tokens = Tokens::default();
        tokens.tokenize(text);
        let spans: Vec<&str> = tokens.parts.iter().map(|p| &text[p.src.clone()]).collect();
        assert_eq!(spans, ["Joan", "Massagué", "s", "TNF", "α"]);
    }
}
