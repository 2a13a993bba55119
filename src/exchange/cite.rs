//! Citations: BibTeX and RIS entries for records, and one sentence that cites the current view.
//!
//! Which records become entries: a record with a `publication` becomes a journal article
//! (`@article`, RIS `JOUR`); a record without one but with a `news` source becomes a news item
//! (`@misc` with `howpublished`, RIS `NEWS`); a record with neither (most approvals and prizes)
//! is skipped, and [`Citations::skipped`] lists it. Nothing is filled in: an article whose title
//! the dataset does not record has no title field.
//!
//! Names are written as the dataset writes them, except the Vancouver form `Kim MY`, which
//! becomes `Kim, M. Y.` so that reference managers read surname and initials correctly. Pages
//! come from `citation` when it has the form `volume(issue):first–last`; an abbreviated last page
//! (`1676–80`) is written in full (`1680`). A citation of any other form is kept as printed in a
//! note. BibTeX text is escaped for LaTeX but keeps UTF-8 (biber and BibTeX 0.99 both accept it);
//! RIS lines end with CRLF as its specification asks.

use crate::data::{PartialDate, Study};

/// The citation entries for some records, and the records that had nothing to cite.
#[derive(Clone, Debug, PartialEq)]
pub struct Citations {
    pub text: String,
    pub entries: usize,
    /// Ids of the records skipped because they have neither a publication nor a news source.
    pub skipped: Vec<String>,
}

/// What "Cite this view" needs to know; the UI supplies the date (the core has no clock).
#[derive(Clone, Debug, PartialEq)]
pub struct ViewCitation<'a> {
    pub permalink: &'a str,
    pub dataset_version: &'a str,
    /// How many studies the view shows.
    pub shown: usize,
    /// The search text or filter description; empty for an unfiltered view.
    pub matching: &'a str,
    /// The access date as the user should see it, e.g. `2026-11-22`.
    pub accessed: &'a str,
}

/// The app's name as a citation gives it.
const TITLE: &str = "Cancer Immunotherapy Timeline";

/// "Cancer Immunotherapy Timeline (dataset version 1a2b3c4d), view of 12 studies matching
/// “car-t”, https://…, accessed 2026-11-22."
pub fn cite_view(view: &ViewCitation) -> String {
    let studies = if view.shown == 1 { "study" } else { "studies" };
    let matching = match view.matching.trim() {
        "" => String::new(),
        text => format!(" matching “{text}”"),
    };
    format!(
        "{TITLE} (dataset version {}), view of {} {studies}{matching}, {}, accessed {}.",
        view.dataset_version, view.shown, view.permalink, view.accessed
    )
}

/// BibTeX entries (`@article` or `@misc`), keyed by record id, separated by blank lines.
pub fn bibtex(studies: &[Study]) -> Citations {
    collect(studies, "\n", |entry| {
        let mut fields: Vec<(&str, String)> = Vec::new();
        let braced = |text: &str| format!("{{{}}}", latex(text));
        if !entry.authors.is_empty() {
            let names: Vec<String> = entry.authors.iter().map(|name| bib_name(name)).collect();
            fields.push(("author", format!("{{{}}}", names.join(" and "))));
        }
        if let Some(title) = &entry.title {
            fields.push(("title", format!("{{{}}}", protect_case(&latex(title)))));
        }
        if let Some(container) = &entry.container {
            let key = if entry.article {
                "journal"
            } else {
                "howpublished"
            };
            fields.push((key, braced(container)));
        }
        if let Some(date) = entry.date {
            fields.push(("year", format!("{{{}}}", date.year)));
            if let Some(month) = date.month {
                fields.push(("month", MONTHS[usize::from(month - 1)].to_owned()));
            }
        }
        if let Some(pages) = &entry.pages {
            fields.push(("volume", braced(&pages.volume)));
            if let Some(issue) = &pages.issue {
                fields.push(("number", braced(issue)));
            }
            let range = match &pages.last {
                Some(last) => format!("{}--{last}", pages.first),
                None => pages.first.clone(),
            };
            fields.push(("pages", braced(&range)));
        }
        if let Some(note) = &entry.note {
            fields.push(("note", braced(note)));
        }
        // DOIs and links are verbatim fields in biblatex: escaping them would break them.
        if let Some(doi) = &entry.doi {
            fields.push(("doi", format!("{{{doi}}}")));
        }
        if let Some(url) = &entry.url {
            fields.push(("url", format!("{{{url}}}")));
        }
        let kind = if entry.article { "article" } else { "misc" };
        let body: Vec<String> = fields
            .iter()
            .map(|(name, value)| format!("  {name} = {value}"))
            .collect();
        format!("@{kind}{{{},\n{}\n}}\n", entry.key, body.join(",\n"))
    })
}

/// RIS records (`TY  - JOUR` or `TY  - NEWS` … `ER  - `), lines ending in CRLF.
pub fn ris(studies: &[Study]) -> Citations {
    collect(studies, "\r\n", |entry| {
        let mut lines: Vec<(&str, String)> =
            vec![("TY", if entry.article { "JOUR" } else { "NEWS" }.to_owned())];
        lines.extend(entry.authors.iter().map(|name| ("AU", vancouver(name))));
        lines.extend(entry.title.clone().map(|title| ("TI", title)));
        lines.extend(entry.container.clone().map(|container| ("T2", container)));
        if let Some(date) = entry.date {
            lines.push(("PY", format!("{:04}", date.year)));
            if let Some(month) = date.month {
                let day = date.day.map(|d| format!("{d:02}")).unwrap_or_default();
                lines.push(("DA", format!("{:04}/{month:02}/{day}/", date.year)));
            }
        }
        if let Some(pages) = &entry.pages {
            lines.push(("VL", pages.volume.clone()));
            lines.extend(pages.issue.clone().map(|issue| ("IS", issue)));
            lines.push(("SP", pages.first.clone()));
            lines.extend(pages.last.clone().map(|last| ("EP", last)));
        }
        lines.extend(entry.note.clone().map(|note| ("N1", note)));
        lines.extend(entry.doi.clone().map(|doi| ("DO", doi)));
        lines.extend(entry.url.clone().map(|url| ("UR", url)));
        lines.push(("ER", String::new()));
        let mut text = String::new();
        for (tag, value) in lines {
            // A RIS value is one line; a line break inside it would start a bogus tag.
            let value = value.replace(['\r', '\n'], " ");
            text.push_str(&format!("{tag}  - {value}\r\n"));
        }
        text
    })
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The facts an entry is made of, whichever format writes it.
struct Entry {
    key: String,
    article: bool,
    authors: Vec<String>,
    title: Option<String>,
    /// The journal of an article, the outlet of a news item.
    container: Option<String>,
    date: Option<PartialDate>,
    pages: Option<Pages>,
    note: Option<String>,
    doi: Option<String>,
    url: Option<String>,
}

struct Pages {
    volume: String,
    issue: Option<String>,
    first: String,
    last: Option<String>,
}

/// Writes an entry for each record that has something to cite, `separator` between entries.
fn collect(studies: &[Study], separator: &str, write: impl Fn(&Entry) -> String) -> Citations {
    let mut written = Vec::new();
    let mut skipped = Vec::new();
    for study in studies {
        match entry(study) {
            Some(entry) => written.push(write(&entry)),
            None => skipped.push(study.id.clone()),
        }
    }
    Citations {
        text: written.join(separator),
        entries: written.len(),
        skipped,
    }
}

fn entry(study: &Study) -> Option<Entry> {
    if let Some(p) = &study.publication {
        let pages = p.citation.as_deref().and_then(pages);
        return Some(Entry {
            key: study.id.clone(),
            article: true,
            authors: p.authors.clone(),
            title: p.title.clone(),
            container: p.journal.clone(),
            date: study.date,
            note: p.citation.clone().filter(|_| pages.is_none()),
            pages,
            doi: p.doi.clone(),
            url: None,
        });
    }
    let news = study.news.as_ref()?;
    Some(Entry {
        key: study.id.clone(),
        article: false,
        authors: news.author.clone().into_iter().collect(),
        title: Some(news.headline.clone()),
        container: Some(news.outlet.clone()),
        date: news.date,
        pages: None,
        note: None,
        doi: None,
        url: news.url.clone(),
    })
}

/// Reads `5(11):1029–1045`, `386:2363–2376` or `342(6165):1432`; anything else is `None`.
fn pages(citation: &str) -> Option<Pages> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (left, range) = citation.trim().split_once(':')?;
    let (volume, issue) = match left.split_once('(') {
        Some((volume, rest)) => (volume, Some(rest.strip_suffix(')')?)),
        None => (left, None),
    };
    let (first, last) = match range.split_once(['–', '-', '—']) {
        Some((first, last)) => (first, Some(last)),
        None => (range, None),
    };
    if !digits(volume) || !issue.is_none_or(digits) || !digits(first) || !last.is_none_or(digits) {
        return None;
    }
    // An abbreviated last page takes its missing leading digits from the first page.
    let last = last.map(|last| {
        let keep = first.len().saturating_sub(last.len());
        format!("{}{last}", &first[..keep])
    });
    Some(Pages {
        volume: volume.to_owned(),
        issue: issue.map(str::to_owned),
        first: first.to_owned(),
        last,
    })
}

/// `Kim MY` (surname, then up to three capital initials) becomes `Kim, M. Y.`; other names are
/// returned as written.
fn vancouver(name: &str) -> String {
    if let Some((surname, initials)) = name.trim().rsplit_once(' ') {
        let is_initials =
            (1..=3).contains(&initials.len()) && initials.bytes().all(|b| b.is_ascii_uppercase());
        if is_initials && surname.chars().any(char::is_lowercase) {
            let spaced: Vec<String> = initials.chars().map(|c| format!("{c}.")).collect();
            return format!("{surname}, {}", spaced.join(" "));
        }
    }
    name.trim().to_owned()
}

/// A name for a BibTeX author list: a name containing the word "and" is braced so that BibTeX
/// does not split it in two.
fn bib_name(name: &str) -> String {
    let name = latex(&vancouver(name));
    if name
        .split_whitespace()
        .any(|word| word.eq_ignore_ascii_case("and"))
    {
        format!("{{{name}}}")
    } else {
        name
    }
}

/// Escapes the characters LaTeX gives a meaning to.
fn latex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Braces each word with a capital after its first letter (`PD-1`, `NF-κB`, `mRNA`), so that
/// bibliography styles that lowercase titles keep them as written.
fn protect_case(title: &str) -> String {
    let words: Vec<String> = title
        .split(' ')
        .map(|word| {
            if word.chars().skip(1).any(char::is_uppercase) && !word.contains(['{', '}', '\\']) {
                format!("{{{word}}}")
            } else {
                word.to_owned()
            }
        })
        .collect();
    words.join(" ")
}
