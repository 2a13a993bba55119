//! The study dataset: the record model, validation, and the bundle compiled into the app.

pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod source;
pub mod validate;

pub use model::{
    Approach, Bundle, CancerType, NewsSource, Outcome, PartialDate, Problem, Publication, Redirect,
    Regulator, Scope, SourceRef, Stage, Status, Study, Trial,
};

use std::collections::HashMap;

/// The records the build validated, serialised with postcard by `build.rs`.
static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/studies.postcard"));

/// All records the app shows, with the lookups the UI needs.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Version of the bundled data; changes whenever a record does.
    pub version: String,
    /// Records in date order (undated last), as the list shows them.
    pub studies: Vec<Study>,
    /// Ids that were published once and now lead to another record (merged or retired).
    pub redirects: Vec<Redirect>,
    by_id: HashMap<String, usize>,
    built_upon_by: Vec<Vec<usize>>,
}

impl Dataset {
    /// The dataset compiled into the app. Decoding cannot fail for a build that passed its
    /// checks; if it somehow does, the app gets an empty dataset and the problem to show.
    pub fn bundled() -> (Self, Vec<Problem>) {
        match postcard::from_bytes::<Bundle>(BUNDLE) {
            Ok(bundle) => (
                Self {
                    redirects: bundle.redirects,
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

    /// Wraps validated records, sorting them by date and indexing ids and links.
    pub fn new(version: String, mut studies: Vec<Study>) -> Self {
        sort_by_date(&mut studies);
        let by_id: HashMap<String, usize> = studies
            .iter()
            .enumerate()
            .map(|(index, study)| (study.id.clone(), index))
            .collect();
        let mut built_upon_by = vec![Vec::new(); studies.len()];
        for (index, study) in studies.iter().enumerate() {
            for target in &study.builds_on {
                if let Some(&target) = by_id.get(target) {
                    built_upon_by[target].push(index);
                }
            }
        }
        Self {
            version,
            studies,
            redirects: Vec::new(),
            by_id,
            built_upon_by,
        }
    }

    /// Where a published id that is no longer a record's now leads, if it was redirected.
    pub fn redirect(&self, id: &str) -> Option<&Redirect> {
        self.redirects.iter().find(|r| r.from == id)
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
