//! The study dataset: the record model, validation, and the bundle compiled into the app.

pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod validate;

pub use model::{
    Approach, Bundle, CancerType, Details, FieldStatus, NewsSource, Outcome, PartialDate, Problem,
    Publication, Redirect, Regulator, Scope, SourceRef, Stage, Status, Story, StoryStep, Study,
    StudyDetails, Trial,
};

use std::collections::HashMap;

/// The records the build validated, serialised with postcard by `build.rs`, without their
/// details.
static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/studies.postcard"));

/// The bundled records' details (summaries, sources, notes…): a file beside the app, named by
/// its content hash, fetched after the first paint ([`Dataset::with_details`]).
pub const DETAILS_FILE: &str = env!("IMMUNOTIMELINE_DETAILS_FILE");

/// Native builds (tests, tools) read the details file from the build instead.
#[cfg(not(target_arch = "wasm32"))]
static DETAILS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/details.postcard"));

/// Whether a dataset's records carry their details.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DetailsState {
    /// Everything is in the records (imports, synthetic records, the bundle once completed).
    #[default]
    Complete,
    /// The bundled records' details file is being fetched.
    Loading,
    /// It could not be had: why, in words for the reader.
    Failed(String),
}

/// All records the app shows, with the lookups the UI needs.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Version of the bundled data; changes whenever a record does.
    pub version: String,
    /// Records in date order (undated last), as the list shows them.
    pub studies: Vec<Study>,
    /// Ids that were published once and now lead to another record (merged or retired).
    pub redirects: Vec<Redirect>,
    /// Whether the records' summaries, sources and notes are in yet.
    pub details: DetailsState,
    /// The guided stories through these records (they come with the details).
    pub stories: Vec<Story>,
    by_id: HashMap<String, usize>,
    built_upon_by: Vec<Vec<usize>>,
}

impl Dataset {
    /// The dataset compiled into the app: in the browser without its details (they come with
    /// [`Dataset::with_details`]), natively with them.
    pub fn bundled() -> (Self, Vec<Problem>) {
        let (dataset, problems) = Self::bundled_without_details();
        #[cfg(not(target_arch = "wasm32"))]
        if problems.is_empty() {
            return match dataset.with_details(DETAILS) {
                Ok(complete) => (complete, problems),
                Err(problem) => (dataset, vec![problem]),
            };
        }
        (dataset, problems)
    }

    /// The records the wasm carries, waiting for their details ([`DetailsState::Loading`]).
    /// Decoding cannot fail for a build that passed its checks; if it somehow does, the app gets
    /// an empty dataset and the problem to show.
    pub fn bundled_without_details() -> (Self, Vec<Problem>) {
        match postcard::from_bytes::<Bundle>(BUNDLE) {
            Ok(bundle) => (
                Self {
                    redirects: bundle.redirects,
                    details: DetailsState::Loading,
                    ..Self::new(bundle.version, bundle.studies)
                },
                Vec::new(),
            ),
            Err(error) => (
                Self::default(),
                vec![Problem {
                    file: "bundled".into(),
                    record: String::new(),
                    field: String::new(),
                    message: format!("the bundled data could not be read: {error}"),
                }],
            ),
        }
    }

    /// The details file's bytes as the build wrote them (what the browser fetches).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled_details_file() -> &'static [u8] {
        DETAILS
    }

    /// This dataset with the details file's contents (`bytes`) put into its records. Refused,
    /// with the reason, when the file is not this dataset's: another version, or a record
    /// missing from either side.
    pub fn with_details(&self, bytes: &[u8]) -> Result<Self, Problem> {
        let problem = |message: String| Problem {
            file: DETAILS_FILE.into(),
            record: String::new(),
            field: String::new(),
            message,
        };
        let details = postcard::from_bytes::<Details>(bytes)
            .map_err(|error| problem(format!("it could not be read ({error})")))?;
        if details.version != self.version {
            return Err(problem(format!(
                "it is for version {} of the data, not {}",
                details.version, self.version
            )));
        }
        if details.records.len() != self.studies.len() {
            return Err(problem(format!(
                "it has {} records, not {}",
                details.records.len(),
                self.studies.len()
            )));
        }
        let mut complete = self.clone();
        let mut filled = vec![false; self.studies.len()];
        for (id, more) in details.records {
            let index = self
                .index_of(&id)
                .filter(|&index| !filled[index])
                .ok_or_else(|| problem(format!("it names `{id}` twice or not in the records")))?;
            filled[index] = true;
            complete.studies[index].put_details(more);
        }
        // The links between records (`builds_on`) came with the details.
        complete.built_upon_by = built_upon_by(&complete.studies, &complete.by_id);
        complete.stories = details.stories;
        complete.details = DetailsState::Complete;
        Ok(complete)
    }

    /// Wraps validated records, sorting them by date and indexing ids and links.
    pub fn new(version: String, mut studies: Vec<Study>) -> Self {
        sort_by_date(&mut studies);
        let by_id: HashMap<String, usize> = studies
            .iter()
            .enumerate()
            .map(|(index, study)| (study.id.clone(), index))
            .collect();
        let built_upon_by = built_upon_by(&studies, &by_id);
        Self {
            version,
            studies,
            redirects: Vec::new(),
            details: DetailsState::Complete,
            stories: Vec::new(),
            by_id,
            built_upon_by,
        }
    }

    /// Where a published id that is no longer a record's now leads, if it was redirected.
    pub fn redirect(&self, id: &str) -> Option<&Redirect> {
        self.redirects.iter().find(|r| r.from == id)
    }

    /// The guided story with this id.
    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|story| story.id == id)
    }

    /// The positions of the records with these ids, in that order; ids no record has are
    /// left out.
    pub fn positions_of(&self, ids: &[String]) -> Vec<u32> {
        ids.iter()
            .filter_map(|id| self.index_of(id).map(|i| i as u32))
            .collect()
    }

    /// The position of the record with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The record with this id.
    pub fn get(&self, id: &str) -> Option<&Study> {
        self.index_of(id).map(|index| &self.studies[index])
    }

    /// Positions of the records whose `builds_on` names the record at `index`.
    pub fn built_upon_by(&self, index: usize) -> &[usize] {
        self.built_upon_by.get(index).map_or(&[], Vec::as_slice)
    }
}

/// For each record, the positions of the records whose `builds_on` names it.
fn built_upon_by(studies: &[Study], by_id: &HashMap<String, usize>) -> Vec<Vec<usize>> {
    let mut built_upon_by = vec![Vec::new(); studies.len()];
    for (index, study) in studies.iter().enumerate() {
        for target in &study.builds_on {
            if let Some(&target) = by_id.get(target) {
                built_upon_by[target].push(index);
            }
        }
    }
    built_upon_by
}

/// Sorts records by date (undated last), then id. A record is hundreds of bytes, so this sorts
/// positions by small keys and then moves each record once, rather than moving records at every
/// step of the sort (at 100k records, 20 ms instead of 280 natively).
fn sort_by_date(studies: &mut [Study]) {
    let keys: Vec<(bool, Option<PartialDate>)> =
        studies.iter().map(|s| (s.date.is_none(), s.date)).collect();
    let from = crate::order::sorted_positions(studies.len(), &|a, b| {
        let (a, b) = (a as usize, b as usize);
        keys[a]
            .cmp(&keys[b])
            .then_with(|| studies[a].id.cmp(&studies[b].id))
    });
    crate::order::permute(studies, from);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_by_keys_gives_the_plain_sort() {
        let mut studies = crate::synthetic::generate(5_000, 3);
        // Same dates and ids out of order, so the tie-breaks are exercised.
        studies[10].date = studies[20].date;
        studies[30].date = None;
        studies[40].date = None;
        let mut expected = studies.clone();
        expected.sort_by(|a, b| {
            let key = |s: &Study| (s.date.is_none(), s.date);
            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
        });
        sort_by_date(&mut studies);
        let ids = |list: &[Study]| list.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&studies), ids(&expected));
        assert_eq!(studies, expected);
    }
}
