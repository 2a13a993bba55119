//! Reads the human-edited TOML source files (`data/*.toml`) into raw records.
//!
//! Native only: the browser never parses TOML. Also compiled into `build.rs`.

use super::model::Problem;
use super::validate::RawStudy;
use serde::Deserialize;

/// The shape of one source file: a list of `[[study]]` tables.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    #[serde(default)]
    study: Vec<RawStudy>,
}

/// Parses one file's text. A syntax or type error is one problem naming the file and the line.
pub fn read_toml(file: &str, text: &str) -> (Vec<RawStudy>, Vec<Problem>) {
    match toml::from_str::<SourceFile>(text) {
        Ok(parsed) => (parsed.study, Vec::new()),
        Err(error) => {
            let line = error
                .span()
                .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            let record = line.map_or_else(|| "?".to_owned(), |line| format!("line {line}"));
            (
                Vec::new(),
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
