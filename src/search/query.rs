//! Reading the query text: words, `"quoted phrases"` and `-excluded` words, within the caps.
//!
//! This is the first of two stages: it only splits the text as typed. [`super::plan`] then
//! turns the pieces into index terms.

use super::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};

/// One piece of the query as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    /// The text without the leading `-` or the quotes.
    pub text: &'a str,
    pub phrase: bool,
    pub excluded: bool,
}

/// The query split into pieces.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Parsed<'a> {
    pub items: Vec<Item<'a>>,
    /// The last item is a word still being typed: it matches as a prefix.
    pub last_is_prefix: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„')
}

/// Splits `text`. Anything is accepted: unmatched quotes run to the end, a lone `-` is a word
/// with nothing in it, and whatever is past the caps is dropped.
pub(crate) fn parse(text: &str) -> Parsed<'_> {
    let end = text
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let text = &text[..end];
    let mut items = Vec::new();
    let mut rest = text;
    let mut ended_by_quote = false;
    while items.len() < MAX_QUERY_WORDS {
        rest = rest.trim_start();
        let mut chars = rest.chars();
        let Some(first) = chars.next() else { break };
        let excluded = first == '-' && chars.next().is_some_and(|c| !c.is_whitespace());
        if excluded {
            rest = &rest[1..];
        }
        if let Some(quote) = rest.chars().next().filter(|&c| is_quote(c)) {
            let inner = &rest[quote.len_utf8()..];
            let close = inner.char_indices().find(|&(_, c)| is_quote(c));
            let (phrase, after) = match close {
                Some((at, c)) => (&inner[..at], &inner[at + c.len_utf8()..]),
                None => (inner, ""),
            };
            ended_by_quote = true;
            items.push(Item {
                text: phrase,
                phrase: true,
                excluded,
            });
            rest = after;
        } else {
            let at = rest
                .char_indices()
                .find(|&(_, c)| c.is_whitespace() || is_quote(c))
                .map_or(rest.len(), |(at, _)| at);
            ended_by_quote = false;
            items.push(Item {
                text: &rest[..at],
                phrase: false,
                excluded,
            });
            rest = &rest[at..];
        }
    }
    let last_is_prefix = !ended_by_quote
        && rest.is_empty()
        && !text.ends_with(char::is_whitespace)
        && items.last().is_some_and(|item| !item.excluded);
    Parsed {
        items,
        last_is_prefix,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str) -> String {
        let parsed = parse(text);
        let mut out: Vec<String> = parsed
            .items
            .iter()
            .map(|item| {
                let minus = if item.excluded { "-" } else { "" };
                let quote = if item.phrase { "\"" } else { "" };
                format!("{minus}{quote}{}{quote}", item.text)
            })
            .collect();
        if parsed.last_is_prefix {
            out.push("…".into());
        }
        out.join(" ")
    }

    #[test]
    fn splits_words_phrases_and_exclusions() {
        for (input, expected) in [
            ("pd-1 melanoma", "pd-1 melanoma …"),
            ("pd-1 melanoma ", "pd-1 melanoma"),
            (
                "\"immune checkpoint\" -mouse",
                "\"immune checkpoint\" -mouse",
            ),
            ("“TNF alpha” car", "\"TNF alpha\" car …"),
            ("\"unclosed phrase", "\"unclosed phrase\""),
            ("\"", "\"\""),
            ("-", "- …"),
            ("- -", "- - …"),
            ("---", "---"),
            ("-\"a b\"", "-\"a b\""),
            ("a\"b\"c", "a \"b\" c …"),
            ("", ""),
            ("   ", ""),
        ] {
            assert_eq!(show(input), expected, "parsing {input:?}");
        }
    }

    #[test]
    fn caps_words_and_length() {
        let many = "w ".repeat(40);
        assert_eq!(parse(&many).items.len(), MAX_QUERY_WORDS);
        let long = "é".repeat(2 * MAX_QUERY_CHARS);
        assert_eq!(parse(&long).items[0].text.chars().count(), MAX_QUERY_CHARS);
    }
}
