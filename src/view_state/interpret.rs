//! Stage two of parsing: decoded parameter values turned into a [`ViewState`], each value checked
//! against its vocabulary, range or shape.

use super::param::sort_from_word;
use super::problem::quote;
use super::raw::RawParams;
use super::{
    Lanes, MAX_INSTITUTION_CHARS, MAX_STORY_STEP, MAX_STUDY_ID_CHARS, MAX_TEXT_CHARS,
    MAX_VERSION_CHARS, Param, RecordSet, Set, Theme, UrlProblem, ViewMode, ViewState, YEARS,
    YearSpan,
};
use crate::data::{Approach, CancerType, Outcome, Regulator, Stage};

/// The view `raw` describes; whatever cannot be used is left at its default and reported.
/// Problems come in canonical parameter order.
pub(super) fn interpret(raw: &RawParams, problems: &mut Vec<UrlProblem>) -> ViewState {
    let q = text(raw.value(Param::Q), problems);
    let approaches = slugs(raw, Param::Approach, Approach::from_slug, problems);
    let cancer_types = slugs(raw, Param::Cancer, CancerType::from_slug, problems);
    let stages = slugs(raw, Param::Stage, Stage::from_slug, problems);
    let outcomes = slugs(raw, Param::Outcome, Outcome::from_slug, problems);
    let regulators = slugs(raw, Param::Regulator, Regulator::from_slug, problems);
    let institutions = institutions(raw.items(Param::Inst), problems);
    let mut year_from = checked(raw, Param::From, year, problems);
    let mut year_to = checked(raw, Param::To, year, problems);
    if let (Some(start), Some(end)) = (year_from, year_to) {
        let (start, end) = ordered(Param::From, start, end, problems);
        (year_from, year_to) = (Some(start), Some(end));
    }
    let zoom = checked(raw, Param::Zoom, zoom, problems).map(|(start, end)| {
        let (start, end) = ordered(Param::Zoom, start, end, problems);
        YearSpan { start, end }
    });
    ViewState {
        q,
        approaches,
        cancer_types,
        stages,
        outcomes,
        regulators,
        institutions,
        year_from,
        year_to,
        zoom,
        lanes: checked(raw, Param::Lanes, word(Lanes::from_word), problems).unwrap_or_default(),
        sort: checked(raw, Param::Sort, word(sort_from_word), problems).unwrap_or_default(),
        view: checked(raw, Param::View, word(ViewMode::from_word), problems).unwrap_or_default(),
        hide: checked(raw, Param::Hide, word(RecordSet::from_word), problems),
        study: checked(raw, Param::Study, study_id, problems),
        story: checked(raw, Param::Story, study_id, problems),
        step: checked(raw, Param::Step, step_number, problems),
        dataset_version: checked(raw, Param::V, dataset_version, problems),
        embed: checked(raw, Param::Embed, flag, problems).unwrap_or(false),
        theme: checked(raw, Param::Theme, word(Theme::from_word), problems),
    }
}

/// The search text, cut to [`MAX_TEXT_CHARS`] characters.
fn text(value: Option<&str>, problems: &mut Vec<UrlProblem>) -> String {
    let value = value.unwrap_or_default();
    match value.char_indices().nth(MAX_TEXT_CHARS) {
        Some((end, _)) => {
            problems.push(UrlProblem::TextCut {
                max: MAX_TEXT_CHARS,
            });
            value[..end].to_owned()
        }
        None => value.to_owned(),
    }
}

/// The known slugs among the items of `param`, in vocabulary order, each once.
fn slugs<T: Ord>(
    raw: &RawParams,
    param: Param,
    from_slug: fn(&str) -> Option<T>,
    problems: &mut Vec<UrlProblem>,
) -> Set<T> {
    let mut found = Set::new();
    for item in raw.items(param) {
        match from_slug(&item.to_ascii_lowercase()) {
            Some(value) => {
                found.insert(value);
            }
            None => problems.push(UrlProblem::UnknownValue {
                param,
                value: quote(item),
            }),
        }
    }
    found
}

fn institutions(items: &[String], problems: &mut Vec<UrlProblem>) -> Set<String> {
    let mut found = Set::new();
    for item in items {
        if item.chars().count() > MAX_INSTITUTION_CHARS {
            problems.push(UrlProblem::ValueTooLong {
                param: Param::Inst,
                max: MAX_INSTITUTION_CHARS,
            });
        } else {
            found.insert(item.clone());
        }
    }
    found
}

/// Reads the value of a single-valued `param` with `read`, reporting a refusal.
fn checked<T>(
    raw: &RawParams,
    param: Param,
    read: impl Fn(Param, &str) -> Result<T, UrlProblem>,
    problems: &mut Vec<UrlProblem>,
) -> Option<T> {
    let value = raw.value(param)?;
    read(param, value)
        .map_err(|problem| problems.push(problem))
        .ok()
}

/// A reader for a parameter whose value is one word of a small vocabulary.
fn word<T>(from_word: fn(&str) -> Option<T>) -> impl Fn(Param, &str) -> Result<T, UrlProblem> {
    move |param, value| {
        from_word(value).ok_or_else(|| UrlProblem::UnknownValue {
            param,
            value: quote(value),
        })
    }
}

fn year(param: Param, value: &str) -> Result<i32, UrlProblem> {
    let number = digits(value).ok_or_else(|| malformed(param, value))?;
    in_years(param, number)
}

/// `start-end`, possibly backwards.
fn zoom(param: Param, value: &str) -> Result<(i32, i32), UrlProblem> {
    let (start, end) = value
        .split_once('-')
        .and_then(|(start, end)| Some((digits(start)?, digits(end)?)))
        .ok_or_else(|| malformed(param, value))?;
    Ok((in_years(param, start)?, in_years(param, end)?))
}

/// `(start, end)` in order; a backwards pair is still a clear request, so it is swapped (and
/// reported) rather than dropped.
fn ordered(param: Param, start: i32, end: i32, problems: &mut Vec<UrlProblem>) -> (i32, i32) {
    if start > end {
        problems.push(UrlProblem::Reversed { param, start, end });
        (end, start)
    } else {
        (start, end)
    }
}

fn study_id(param: Param, value: &str) -> Result<String, UrlProblem> {
    let well_formed = value.split('-').all(|part| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    short(param, value, MAX_STUDY_ID_CHARS)?;
    well_formed
        .then(|| value.to_owned())
        .ok_or_else(|| malformed(param, value))
}

/// A story's step, counted from 1 (whether the story has it is checked once the stories are in).
/// `1` (or `true`, `yes`) turns a switch on, `0` (`false`, `no`) leaves it off.
fn flag(param: Param, value: &str) -> Result<bool, UrlProblem> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" => Ok(true),
        "0" | "false" | "no" => Ok(false),
        _ => Err(UrlProblem::UnknownValue {
            param,
            value: quote(value),
        }),
    }
}

fn step_number(param: Param, value: &str) -> Result<u32, UrlProblem> {
    digits(value)
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| (1..=MAX_STORY_STEP).contains(n))
        .ok_or_else(|| malformed(param, value))
}

fn dataset_version(param: Param, value: &str) -> Result<String, UrlProblem> {
    let well_formed = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    short(param, value, MAX_VERSION_CHARS)?;
    well_formed
        .then(|| value.to_owned())
        .ok_or_else(|| malformed(param, value))
}

fn short(param: Param, value: &str, max: usize) -> Result<(), UrlProblem> {
    if value.chars().count() > max {
        Err(UrlProblem::ValueTooLong { param, max })
    } else {
        Ok(())
    }
}

/// The number written by 1 to 18 ASCII digits (so it fits a `u64`).
fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 18 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn in_years(param: Param, number: u64) -> Result<i32, UrlProblem> {
    i32::try_from(number)
        .ok()
        .filter(|year| YEARS.contains(year))
        .ok_or(UrlProblem::YearOutOfRange {
            param,
            year: number,
        })
}

fn malformed(param: Param, value: &str) -> UrlProblem {
    UrlProblem::Malformed {
        param,
        value: quote(value),
    }
}
