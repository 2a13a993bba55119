//! The text inside one list cell of a CSV: items separated by `"; "`, with the escapes that let
//! any value survive a round trip.
//!
//! Three characters are escaped with a backslash inside list cells: `\;` for a `;` that is part
//! of an item, `\<` for a `<` in a source label (a source is written `label <https://…>`), and
//! `\\` for a backslash. A backslash before any other character is kept as written.

use crate::data::validate::{RawSource, RawTrial, is_nct};
use crate::data::{SourceRef, Trial};

/// Joins escaped items into one cell.
pub(super) fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

/// Escapes `\` and `;` (and `<` in source items) so that an item can sit in a list cell.
pub(super) fn escape(item: &str, source: bool) -> String {
    let mut out = String::with_capacity(item.len());
    for ch in item.chars() {
        if ch == '\\' || ch == ';' || (source && ch == '<') {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Writes a source as `label <https://…>`, or just `label` when it has no link.
pub(super) fn source_item(source: &SourceRef) -> String {
    match &source.url {
        Some(url) => format!("{} <{}>", escape(&source.label, true), escape(url, true)),
        None => escape(&source.label, true),
    }
}

/// Splits a list cell at each `;` that is not escaped, keeping the items escaped and dropping
/// empty ones (so `a;b`, `a; b` and a trailing `;` all read the same).
pub(super) fn items(cell: &str) -> Vec<&str> {
    split_unescaped(cell, ';')
        .into_iter()
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect()
}

fn split_unescaped(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (at, ch) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if ch == '\\' {
            escaped = true;
        } else if ch == separator {
            parts.push(&text[start..at]);
            start = at + ch.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Undoes [`escape`]. A backslash before any other character is kept as written, so a hand-made
/// file with a stray backslash reads as the person typed it.
pub(super) fn unescape(item: &str) -> String {
    let mut out = String::with_capacity(item.len());
    let mut chars = item.chars();
    while let Some(ch) = chars.next() {
        if ch != '\\' {
            out.push(ch);
            continue;
        }
        match chars.next() {
            Some(next @ ('\\' | ';' | '<')) => out.push(next),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out.trim().to_owned()
}

/// Reads one source item: `label <https://…>` or `label`.
pub(super) fn source(item: &str) -> Result<RawSource, String> {
    match split_unescaped(item, '<').as_slice() {
        [label] => Ok(RawSource {
            label: Some(unescape(label)),
            url: None,
        }),
        [label, link] => match link.trim().strip_suffix('>') {
            Some(url) => Ok(RawSource {
                label: Some(unescape(label)).filter(|l| !l.is_empty()),
                url: Some(unescape(url)),
            }),
            None => Err(format!(
                "`{}` has a `<` without a closing `>`; write a source as `label <https://…>`",
                unescape(item)
            )),
        },
        _ => Err(format!(
            "`{}` has more than one `<`; write a source as `label <https://…>` (a `<` in a label is written `\\<`)",
            unescape(item)
        )),
    }
}

/// Writes a trial as `name <NCT…>`, `name` or `NCT…`, the same shape as a source.
pub(super) fn trial_item(trial: &Trial) -> String {
    match (&trial.name, &trial.nct) {
        (Some(name), Some(nct)) => format!("{} <{nct}>", escape(name, true)),
        (Some(name), None) => escape(name, true),
        (None, Some(nct)) => nct.clone(),
        (None, None) => String::new(),
    }
}

/// Reads one trial item: `name <NCT…>`, `name`, or a bare `NCT…` number.
pub(super) fn trial(item: &str) -> Result<RawTrial, String> {
    let read = source(item).map_err(|message| {
        message
            .replace("a source", "a trial")
            .replace("https://…", "NCT…")
    })?;
    Ok(match (read.label, read.url) {
        (Some(label), None) if is_nct(&label) => RawTrial {
            name: None,
            nct: Some(label),
        },
        (name, nct) => RawTrial { name, nct },
    })
}
