//! Text with the matched stretches wrapped in `<mark>`; always rendered as text, never HTML.

use crate::search::{Field, Highlight};
use leptos::prelude::*;
use std::ops::Range;

/// The byte ranges of `highlights` that fall in `field`, in order.
pub fn ranges_for(highlights: &[Highlight], field: Field) -> Vec<Range<usize>> {
    highlights
        .iter()
        .filter(|h| h.field == field)
        .map(|h| h.range.clone())
        .collect()
}

/// `text` split into plain and marked pieces. Ranges that are out of bounds or not on char
/// boundaries are skipped rather than trusted.
pub fn marked(text: &str, ranges: &[Range<usize>]) -> AnyView {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in ranges {
        let valid = range.start >= at
            && range.end > range.start
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        if range.start > at {
            pieces.push(text[at..range.start].to_owned().into_any());
        }
        pieces.push(view! { <mark>{text[range.clone()].to_owned()}</mark> }.into_any());
        at = range.end;
    }
    if at < text.len() {
        pieces.push(text[at..].to_owned().into_any());
    }
    pieces.into_any()
}
