//! "New since your last visit": the bundled records' ids this device has seen, kept as plain
//! text in its own storage (nothing leaves the device), and which of today's records are not
//! among them.

use crate::data::Study;
use std::collections::HashSet;

/// The storage key.
pub const KEY: &str = "immunotimeline.seen";
/// The first line of the stored text: what it is, and the version of its shape.
const HEADER: &str = "immunotimeline/seen 1";

/// The stored text for the records `studies`: the header, then one id per line.
pub fn encode(studies: &[Study]) -> String {
    let mut text = String::from(HEADER);
    for study in studies {
        text.push('\n');
        text.push_str(&study.id);
    }
    text
}

/// The ids in a stored text; `None` for text this version did not write (then the device
/// starts again from today's records, and no notice claims records are new).
pub fn decode(text: &str) -> Option<HashSet<String>> {
    let mut lines = text.lines();
    (lines.next()? == HEADER).then(|| {
        lines
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect()
    })
}

/// The ids of `studies` that `seen` does not have, in the records' order.
pub fn added(seen: &HashSet<String>, studies: &[Study]) -> Vec<String> {
    studies
        .iter()
        .filter(|study| !seen.contains(&study.id))
        .map(|study| study.id.clone())
        .collect()
}
