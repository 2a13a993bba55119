//! Character folding: what each character of a text turns into before it is indexed or searched.
//!
//! A compact hand table instead of a Unicode normalisation crate, because first-load size is the
//! budget furthest from met (200 KB gzipped in total; BENCHMARKS.md): Latin-1 and Latin
//! Extended-A lose their diacritics (é→e, ß→ss, ø→o), Greek letters become their names
//! (α→alpha) because that is how biologists type them, and every other letter or digit is
//! lowercased with `std`.

/// What one character contributes to a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// A letter or digit, already folded to lowercase ASCII (or lowercase text for other scripts).
    Text(Folded),
    /// A Greek letter; the index into [`GREEK`]. It forms a part of its own ("TNFα" is "tnf" + "α").
    Greek(u8),
    /// A hyphen: joins the parts on either side into one compound word ("PD-1").
    Connector,
    /// A combining mark or soft hyphen: dropped without ending the part, so a decomposed "é" folds
    /// the same way as a precomposed one.
    Ignore,
    /// Anything else ends the current word.
    Separator,
}

/// The folded form of one letter or digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Folded {
    Ascii(u8),
    Str(&'static str),
    Other(char),
}

/// Greek letter names, in code-point order from α (U+03B1) to ω (U+03C9); index 17 is the final
/// sigma ς. Capital letters (U+0391…) map onto the same slots.
pub(crate) const GREEK: [&str; 25] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "sigma", "tau", "upsilon", "phi",
    "chi", "psi", "omega",
];

/// Latin-1 letters U+00C0–U+00FF, one code per code point: a letter is itself; digits stand for
/// the two-letter folds (`1` ae, `2` th, `3` ss) and `.` for the two signs in the block (× ÷).
const LATIN1: &[u8; 64] = b"aaaaaa1ceeeeiiiidnooooo.ouuuuy23aaaaaa1ceeeeiiiidnooooo.ouuuuy2y";

/// Latin Extended-A U+0100–U+017F, one code per code point; `4` is ij and `5` is oe.
const LATIN_EXT_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii44jjkkkllllllllllnnnnnnnnnoooooo55rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Classifies and folds one character.
pub(crate) fn classify(c: char) -> Class {
    match c {
        'a'..='z' | '0'..='9' => Class::Text(Folded::Ascii(c as u8)),
        'A'..='Z' => Class::Text(Folded::Ascii(c.to_ascii_lowercase() as u8)),
        '-' | '\u{2010}' | '\u{2011}' => Class::Connector,
        // Spaces and ASCII punctuation: most of what is not a letter, decided without the
        // Unicode tables below.
        '\0'..='\u{7F}' => Class::Separator,
        '\u{00AD}' | '\u{0300}'..='\u{036F}' => Class::Ignore,
        '\u{00B5}' => Class::Greek(11),
        '\u{00C0}'..='\u{00FF}' => latin(LATIN1[c as usize - 0xC0]),
        '\u{0100}'..='\u{017F}' => latin(LATIN_EXT_A[c as usize - 0x100]),
        '\u{0391}'..='\u{03A9}' => Class::Greek((c as u32 - 0x391) as u8),
        '\u{03B1}'..='\u{03C9}' => Class::Greek((c as u32 - 0x3B1) as u8),
        _ => greek_variant(c).map_or_else(|| other(c), Class::Greek),
    }
}

/// The one-letter abbreviation biologists use for a Greek letter in a compound (TNFa, IFNg).
pub(crate) fn greek_abbreviation(index: u8) -> u8 {
    GREEK
        .get(usize::from(index))
        .map_or(b'x', |name| name.as_bytes()[0])
}

/// The Greek letter whose spelled-out name is `text`, so "TNF-alpha" gets the same "tnfa" variant
/// as "TNF-α".
pub(crate) fn greek_by_name(text: &str) -> Option<u8> {
    GREEK.iter().position(|name| *name == text).map(|i| i as u8)
}

fn latin(code: u8) -> Class {
    match code {
        b'1' => Class::Text(Folded::Str("ae")),
        b'2' => Class::Text(Folded::Str("th")),
        b'3' => Class::Text(Folded::Str("ss")),
        b'4' => Class::Text(Folded::Str("ij")),
        b'5' => Class::Text(Folded::Str("oe")),
        b'.' => Class::Separator,
        letter => Class::Text(Folded::Ascii(letter)),
    }
}

/// Accented and symbol forms of Greek letters that appear in pasted text.
fn greek_variant(c: char) -> Option<u8> {
    Some(match c {
        'ά' | 'Ά' => 0,
        'ϐ' => 1,
        'έ' | 'Έ' | 'ϵ' => 4,
        'ή' | 'Ή' => 6,
        'ϑ' => 7,
        'ί' | 'Ί' | 'ϊ' | 'ΐ' => 8,
        'ό' | 'Ό' => 14,
        'ύ' | 'Ύ' | 'ϋ' | 'ΰ' => 20,
        'ϕ' => 21,
        'ώ' | 'Ώ' => 24,
        _ => return None,
    })
}

fn other(c: char) -> Class {
    if !c.is_alphanumeric() {
        return Class::Separator;
    }
    // Lowercasing yields one char for all but a handful of letters (İ); those keep their first,
    // which is the base letter.
    match c.to_lowercase().next() {
        Some(lower) if lower.is_ascii() => Class::Text(Folded::Ascii(lower as u8)),
        Some(lower) => Class::Text(Folded::Other(lower)),
        None => Class::Separator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(text: &str) -> String {
        let mut out = String::new();
        for c in text.chars() {
            match classify(c) {
                Class::Text(Folded::Ascii(b)) => out.push(char::from(b)),
                Class::Text(Folded::Str(s)) => out.push_str(s),
                Class::Text(Folded::Other(c)) => out.push(c),
                Class::Greek(i) => out.push_str(GREEK[usize::from(i)]),
                Class::Connector => out.push('-'),
                Class::Ignore => {}
                Class::Separator => out.push(' '),
            }
        }
        out
    }

    #[test]
    fn ascii_is_letters_digits_hyphen_or_separator() {
        for c in '\0'..='\u{7F}' {
            let expected = match c {
                'a'..='z' | '0'..='9' => Class::Text(Folded::Ascii(c as u8)),
                'A'..='Z' => Class::Text(Folded::Ascii(c.to_ascii_lowercase() as u8)),
                '-' => Class::Connector,
                _ => Class::Separator,
            };
            assert_eq!(classify(c), expected, "classifying {c:?}");
        }
    }

    #[test]
    fn folds_diacritics_greek_and_case() {
        for (input, expected) in [
            ("Massagué", "massague"),
            ("Ærø Straße", "aero strasse"),
            ("Łódź Œuvre Ĳssel", "lodz oeuvre ijssel"),
            ("TNF-α IFN-γ κ β", "tnf-alpha ifn-gamma kappa beta"),
            ("ΑΒΓ µm", "alphabetagamma mum"),
            ("e\u{301}te\u{301}", "ete"),
            ("Москва 3×4", "москва 3 4"),
            ("a.b,c;d", "a b c d"),
        ] {
            assert_eq!(fold(input), expected, "folding {input:?}");
        }
    }
}
