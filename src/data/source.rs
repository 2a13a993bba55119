//! Reads the human-edited TOML source files (`data/*.toml`) into raw records.
//!
//! Native only: the browser never parses TOML. Also compiled into `build.rs`.

use super::model::{Problem, Redirect, Story, Study};
use super::validate::{RawRedirect, RawStory, RawStudy};
use serde::Deserialize;

/// The shape of one source file: `[[study]]` tables, `[[redirect]]` tables for ids that were
/// published once and now lead to another record, and `[[story]]` tables (guided stories).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    #[serde(default)]
    pub study: Vec<RawStudy>,
    #[serde(default)]
    pub redirect: Vec<RawRedirect>,
    #[serde(default)]
    pub story: Vec<RawStory>,
}

/// Everything the data folder holds, validated, with the problems found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub studies: Vec<Study>,
    pub redirects: Vec<Redirect>,
    pub stories: Vec<Story>,
    pub problems: Vec<Problem>,
}

/// Parses one file's text. A syntax or type error is one problem naming the file and the line.
pub fn read_toml(file: &str, text: &str) -> (Vec<RawStudy>, Vec<Problem>) {
    let (parsed, problems) = read_file(file, text);
    (parsed.study, problems)
}

/// Parses one file's text, records and redirects.
pub fn read_file(file: &str, text: &str) -> (SourceFile, Vec<Problem>) {
    match toml::from_str::<SourceFile>(text) {
        Ok(parsed) => (parsed, Vec::new()),
        Err(error) => {
            let line = error
                .span()
                .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            let record = line.map_or_else(|| "?".to_owned(), |line| format!("line {line}"));
            (
                SourceFile::default(),
                vec![Problem {
                    file: file.to_owned(),
                    record,
                    field: String::new(),
                    message: error.message().to_owned(),
                }],
            )
        }
    }
}

/// Reads and validates every `*.toml` file of `dir` (sorted by name) as the dataset: what
/// `build.rs` bundles, and what `examples/check-data.rs` checks, with the curated dataset's own
/// rules ([`super::validate::curated_rules`]) when `curated` is set. File names in problems are
/// written `<dir>/<name>`.
pub fn load_dir(dir: &std::path::Path, curated: bool) -> Loaded {
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
            .collect(),
        Err(error) => {
            let problem = Problem {
                file: dir.display().to_string(),
                record: String::new(),
                field: String::new(),
                message: format!("the data folder cannot be read: {error}"),
            };
            return Loaded {
                problems: vec![problem],
                ..Loaded::default()
            };
        }
    };
    files.sort();
    let mut records = Vec::new();
    let mut redirects = Vec::new();
    let mut stories = Vec::new();
    let mut problems = Vec::new();
    for path in &files {
        let name = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let (parsed, found) = read_file(&name, &text);
                problems.extend(found);
                records.extend(parsed.study.into_iter().map(|raw| (name.clone(), raw)));
                redirects.extend(parsed.redirect.into_iter().map(|raw| (name.clone(), raw)));
                stories.extend(parsed.story.into_iter().map(|raw| (name.clone(), raw)));
            }
            Err(error) => problems.push(Problem {
                file: name,
                record: String::new(),
                field: String::new(),
                message: format!("cannot be read: {error}"),
            }),
        }
    }
    if curated {
        problems.extend(super::validate::curated_rules(&records));
    }
    let (studies, found) = super::validate::validate_all(&records);
    problems.extend(found);
    let (redirects, found) = super::validate::validate_redirects(&redirects, &studies);
    problems.extend(found);
    let (stories, found) = super::validate::validate_stories(&stories, &studies);
    problems.extend(found);
    Loaded {
        studies,
        redirects,
        stories,
        problems,
    }
}
