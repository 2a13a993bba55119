//! The canonical query string of a view, and the 4 kB limit that keeps it readable back.

use super::param::sort_word;
use super::{MAX_QUERY_BYTES, Param, UrlProblem, ViewState};

/// The canonical query string of `state`: parameters in [`Param::ALL`] order, defaults left out.
pub(super) fn write(state: &ViewState) -> String {
    let mut link = Link::default();
    if !state.q.is_empty() {
        link.pair(Param::Q, &encode(&state.q, false));
    }
    link.list(Param::Approach, state.approaches.iter().map(|a| a.slug()));
    link.list(Param::Cancer, state.cancer_types.iter().map(|c| c.slug()));
    link.list(Param::Stage, state.stages.iter().map(|s| s.slug()));
    link.list(Param::Outcome, state.outcomes.iter().map(|o| o.slug()));
    link.list(Param::Regulator, state.regulators.iter().map(|r| r.slug()));
    link.list(Param::Inst, state.institutions.iter().map(String::as_str));
    if let Some(year) = state.year_from {
        link.pair(Param::From, &year.to_string());
    }
    if let Some(year) = state.year_to {
        link.pair(Param::To, &year.to_string());
    }
    if let Some(zoom) = state.zoom {
        link.pair(Param::Zoom, &format!("{}-{}", zoom.start, zoom.end));
    }
    if state.lanes != Default::default() {
        link.pair(Param::Lanes, state.lanes.word());
    }
    if state.sort != Default::default() {
        link.pair(Param::Sort, sort_word(state.sort));
    }
    if state.view != Default::default() {
        link.pair(Param::View, state.view.word());
    }
    if let Some(hide) = state.hide {
        link.pair(Param::Hide, hide.word());
    }
    if let Some(study) = &state.study {
        link.pair(Param::Study, &encode(study, false));
    }
    if let Some(story) = &state.story {
        link.pair(Param::Story, &encode(story, false));
        // The first step is where a story opens.
        if let Some(step) = state.step.filter(|&step| step > 1) {
            link.pair(Param::Step, &step.to_string());
        }
    }
    if let Some(version) = &state.dataset_version {
        link.pair(Param::V, &encode(version, false));
    }
    if state.embed {
        link.pair(Param::Embed, "1");
    }
    if let Some(theme) = state.theme {
        link.pair(Param::Theme, theme.word());
    }
    link.text
}

/// Leaves out institutions (the last in alphabetical order first) until the link of `state` is
/// at most [`MAX_QUERY_BYTES`] long, so that reading it back never cuts it. Everything else a
/// parsed state can hold takes at most 3,505 bytes, so dropping institutions always suffices.
pub(super) fn fit_in_link(state: &mut ViewState, problems: &mut Vec<UrlProblem>) {
    let mut dropped = 0;
    while !state.institutions.is_empty() && write(state).len() > MAX_QUERY_BYTES {
        state.institutions.pop_last();
        dropped += 1;
    }
    if dropped > 0 {
        problems.push(UrlProblem::LinkTooLong { dropped });
    }
}

#[derive(Default)]
struct Link {
    text: String,
}

impl Link {
    /// Appends `name=value`; `value` must already be encoded.
    fn pair(&mut self, param: Param, value: &str) {
        if !self.text.is_empty() {
            self.text.push('&');
        }
        self.text.push_str(param.name());
        self.text.push('=');
        self.text.push_str(value);
    }

    /// Appends the comma-separated `items`, unless there are none.
    fn list<'a>(&mut self, param: Param, items: impl Iterator<Item = &'a str>) {
        let items: Vec<String> = items.map(|item| encode(item, true)).collect();
        if !items.is_empty() {
            self.pair(param, &items.join(","));
        }
    }
}

/// Percent-encodes `value` for a query string, writing a space as `+` and leaving readable
/// characters that never need escaping in a query as they are. A comma is escaped only in a list
/// item, where a literal one separates items.
fn encode(value: &str, list_item: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'!'
            | b'*'
            | b'('
            | b')'
            | b':'
            | b'/'
            | b'@' => out.push(char::from(byte)),
            b',' if !list_item => out.push(','),
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xF)]));
            }
        }
    }
    out
}
