//! Stage one of parsing: the query string split into the parameters the app knows and
//! percent-decoded, before any value is interpreted.
//!
//! This stage deals with everything about the *shape* of a query string: the leading `?`, the
//! fragment, the 4 kB limit, unknown and repeated names, list splitting and bad escapes.

use super::problem::quote;
use super::{MAX_QUERY_BYTES, Param, UrlProblem};

/// The decoded values of each known parameter.
///
/// A single-valued parameter holds at most one value: the first non-empty one, trimmed of
/// surrounding whitespace (except `q`, kept as typed). A list parameter holds its items in link
/// order (over all its repetitions), trimmed, non-empty, at most [`Param::max_values`].
#[derive(Debug, Default)]
pub(super) struct RawParams {
    values: [Vec<String>; Param::ALL.len()],
}

impl RawParams {
    /// Splits `query` (with or without a leading `?`; anything from a `#` on is a fragment and
    /// not read) and reports what had to be left out.
    pub(super) fn split(query: &str) -> (Self, Vec<UrlProblem>) {
        let query = query.strip_prefix('?').unwrap_or(query);
        let query = query.split_once('#').map_or(query, |(before, _)| before);
        let mut problems = Vec::new();
        let mut raw = RawParams::default();
        let mut overflow = [0_usize; Param::ALL.len()];

        let mut segments = query.split('&');
        let mut start = 0;
        while let Some(segment) = segments.next() {
            let end = start + segment.len();
            start = end + 1;
            if end > MAX_QUERY_BYTES {
                let ignored = std::iter::once(segment)
                    .chain(segments.by_ref())
                    .filter(|s| !s.is_empty())
                    .count();
                if ignored > 0 {
                    problems.push(UrlProblem::QueryTooLong { ignored });
                }
                break;
            }
            if segment.is_empty() {
                continue;
            }
            let (raw_name, raw_value) = segment.split_once('=').unwrap_or((segment, ""));
            let Some(param) = decode(raw_name).and_then(|name| Param::from_name(&name)) else {
                let name = decode(raw_name).unwrap_or_else(|| raw_name.to_owned());
                problems.push(UrlProblem::UnknownParameter { name: quote(&name) });
                continue;
            };
            let values = &mut raw.values[param.index()];
            if param.is_list() {
                for item in raw_value.split(',') {
                    if item.is_empty() {
                        continue;
                    }
                    if values.len() >= param.max_values() {
                        overflow[param.index()] += 1;
                        continue;
                    }
                    match decode(item) {
                        Some(item) if item.trim().is_empty() => {}
                        Some(item) => values.push(item.trim().to_owned()),
                        None => problems.push(UrlProblem::InvalidEncoding { param }),
                    }
                }
            } else if !raw_value.is_empty() {
                match decode(raw_value) {
                    // The search text is kept exactly as typed, spaces included.
                    Some(value) if param == Param::Q => values.push(value),
                    Some(value) if value.trim().is_empty() => {}
                    Some(value) => values.push(value.trim().to_owned()),
                    None => problems.push(UrlProblem::InvalidEncoding { param }),
                }
            }
        }

        for param in Param::ALL {
            let values = &mut raw.values[param.index()];
            if param.is_list() {
                if overflow[param.index()] > 0 {
                    problems.push(UrlProblem::TooManyValues {
                        param,
                        kept: param.max_values(),
                    });
                }
            } else if values.len() > 1 {
                if values.iter().any(|v| *v != values[0]) {
                    let times = values.len();
                    problems.push(UrlProblem::Repeated { param, times });
                }
                values.truncate(1);
            }
        }
        (raw, problems)
    }

    /// The value of a single-valued parameter, if it was given and not empty.
    pub(super) fn value(&self, param: Param) -> Option<&str> {
        self.values[param.index()].first().map(String::as_str)
    }

    /// The items of a list parameter.
    pub(super) fn items(&self, param: Param) -> &[String] {
        &self.values[param.index()]
    }
}

/// Decodes `+` as a space and `%XX` escapes as bytes; `None` for a `%` not followed by two hex
/// digits, or for bytes that are not UTF-8 once decoded.
pub(super) fn decode(raw: &str) -> Option<String> {
    if !raw.contains(['+', '%']) {
        return Some(raw.to_owned());
    }
    let mut bytes = Vec::with_capacity(raw.len());
    let mut rest = raw.bytes();
    while let Some(byte) = rest.next() {
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let high = rest.next().and_then(hex_digit)?;
                let low = rest.next().and_then(hex_digit)?;
                bytes.push(high << 4 | low);
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).ok()
}

fn hex_digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}
