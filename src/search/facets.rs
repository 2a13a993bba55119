//! Filters and facet counts.
//!
//! The usual faceted-search rule: a facet's counts honour the text and every other selection,
//! but not its own, so selecting another value of it shows what it would add. The year range is
//! a filter like the others, and the histogram is its "facet". Each active filter becomes a set
//! of passing records (from per-value sets built with the index); a facet is then counted over
//! the intersection of the text matches with the *other* filters' sets. Over the whole index
//! the counts are precomputed, so the first screen and one-filter views cost almost nothing.

use super::bitset::Bitset;
use super::counts::{
    ALL, APPROACH, CANCER_TYPE, Counts, INSTITUTION, OUTCOME, REGULATOR, STAGE, YEAR, for_bits,
};
use super::{Facets, Filters, SearchIndex};
use crate::data::{Approach, CancerType, Outcome, Regulator, Stage};

/// Per-value record sets and whole-index counts, built with the index.
#[derive(Clone, Debug, Default)]
pub(crate) struct FacetIndex {
    approaches: Vec<Bitset>,
    cancer_types: Vec<Bitset>,
    stages: Vec<Bitset>,
    /// The facets most records have no value of, or only a few records have each value of,
    /// keep lists rather than a bitset per value: one `u32` per record that has the value.
    outcomes: Lists,
    regulators: Lists,
    institutions: Lists,
    first_year: i32,
    /// Records dated in year `first_year + y` are `by_date[year_starts[y]..year_starts[y + 1]]`.
    year_starts: Vec<u32>,
    all: Counts,
    /// The facets no record has a value of (outcome and regulator, in the synthetic records and
    /// in many imports): their counts stay zero, so they are not counted at all.
    empty: u8,
}

/// Ascending record positions per value: value `v`'s are `docs[starts[v]..starts[v + 1]]`.
#[derive(Clone, Debug, Default)]
struct Lists {
    starts: Vec<u32>,
    docs: Vec<u32>,
}

impl Lists {
    fn new(lists: Vec<Vec<u32>>) -> Self {
        let mut starts = vec![0];
        starts.extend(lists.iter().scan(0, |end, list| {
            *end += list.len() as u32;
            Some(*end)
        }));
        Self {
            starts,
            docs: lists.concat(),
        }
    }

    /// The records of value `value`; none for a value past the end.
    fn of(&self, value: usize) -> &[u32] {
        match (self.starts.get(value), self.starts.get(value + 1)) {
            (Some(&start), Some(&end)) => &self.docs[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// The active filters as sets of passing records.
#[derive(Debug)]
pub(crate) struct Selection {
    /// One per active filter: which facet, and the records that pass it.
    passes: Vec<(u8, Bitset)>,
    /// Selected institution names, to list them even when no record has them.
    institution_names: Vec<String>,
}

/// What filtering and counting yield.
#[derive(Debug)]
pub(crate) struct Tally {
    pub facets: Facets,
    pub histogram: Vec<(i32, u32)>,
}

impl FacetIndex {
    pub fn build(index: &SearchIndex) -> Self {
        let len = index.len();
        let sets = |count: usize| vec![Bitset::empty(len); count];
        let (mut approaches, mut cancer_types, mut stages) = (
            sets(Approach::ALL.len()),
            sets(CancerType::ALL.len()),
            sets(Stage::ALL.len()),
        );
        let mut outcomes = vec![Vec::new(); Outcome::ALL.len()];
        let mut regulators = vec![Vec::new(); Regulator::ALL.len()];
        let mut institutions = vec![Vec::new(); index.inst_names.len()];
        for (doc, record) in index.records.iter().enumerate() {
            let doc = doc as u32;
            for_bits(record.approaches, |bit| approaches[bit].insert(doc));
            for_bits(record.cancer_types, |bit| cancer_types[bit].insert(doc));
            stages[usize::from(record.stage)].insert(doc);
            if let Some(list) = record.outcome_slot().checked_sub(1) {
                outcomes[list].push(doc);
            }
            if let Some(list) = record.regulator_slot().checked_sub(1) {
                regulators[list].push(doc);
            }
            for &id in index.institutions_of(doc) {
                institutions[id as usize].push(doc);
            }
        }
        let dated = &index.by_date[..index.dated as usize];
        let year = |doc: &u32| i32::from(index.records[*doc as usize].year);
        let first_year = dated.first().map_or(0, year);
        let last_year = dated.last().map_or(-1, year);
        let year_starts = (first_year..=last_year + 1)
            .map(|y| dated.partition_point(|doc| year(doc) < y) as u32)
            .collect();
        let mut facets = Self {
            approaches,
            cancer_types,
            stages,
            outcomes: Lists::new(outcomes),
            regulators: Lists::new(regulators),
            institutions: Lists::new(institutions),
            first_year,
            year_starts,
            all: Counts::default(),
            empty: 0,
        };
        let mut all = facets.zero_counts(index);
        all.add_set(index, first_year, &Bitset::full(len), ALL, 1);
        let none = |counts: &[u32]| counts.iter().skip(1).all(|&n| n == 0);
        facets.empty = if none(&all.outcomes) { OUTCOME } else { 0 }
            | if none(&all.regulators) { REGULATOR } else { 0 };
        facets.all = all;
        facets
    }

    fn zero_counts(&self, index: &SearchIndex) -> Counts {
        Counts::new(index.inst_names.len(), self.year_count())
    }

    fn year_count(&self) -> usize {
        self.year_starts.len().saturating_sub(1)
    }
}

impl Selection {
    pub fn new(index: &SearchIndex, filters: &Filters) -> Self {
        let facets = &index.facets;
        let len = index.len();
        let mut passes = Vec::new();
        let mut union = |facet: u8, sets: Vec<&Bitset>| {
            let mut pass = Bitset::empty(len);
            sets.into_iter().for_each(|set| pass.union_with(set));
            passes.push((facet, pass));
        };
        if !filters.approaches.is_empty() {
            union(
                APPROACH,
                filters
                    .approaches
                    .iter()
                    .filter_map(|&a| facets.approaches.get(a as usize))
                    .collect(),
            );
        }
        if !filters.cancer_types.is_empty() {
            let sets = filters
                .cancer_types
                .iter()
                .filter_map(|&c| facets.cancer_types.get(c as usize));
            union(CANCER_TYPE, sets.collect());
        }
        if !filters.stages.is_empty() {
            union(
                STAGE,
                filters
                    .stages
                    .iter()
                    .filter_map(|&s| facets.stages.get(s as usize))
                    .collect(),
            );
        }
        let mut lists = |facet: u8, lists: Vec<&[u32]>| {
            let mut pass = Bitset::empty(len);
            lists.into_iter().for_each(|docs| pass.insert_all(docs));
            passes.push((facet, pass));
        };
        if !filters.outcomes.is_empty() {
            let docs = filters
                .outcomes
                .iter()
                .map(|&o| facets.outcomes.of(o as usize));
            lists(OUTCOME, docs.collect());
        }
        if !filters.regulators.is_empty() {
            let docs = filters.regulators.iter();
            lists(
                REGULATOR,
                docs.map(|&r| facets.regulators.of(r as usize)).collect(),
            );
        }
        if !filters.institutions.is_empty() {
            let docs = filters.institutions.iter().filter_map(|name| {
                let id = index.inst_by_name.get(name)?;
                Some(facets.institutions.of(*id as usize))
            });
            lists(INSTITUTION, docs.collect());
        }
        if filters.year_from.is_some() || filters.year_to.is_some() {
            // Years outside the index's range clamp to it; an empty range selects nothing.
            let slot = |year: i32| {
                (i64::from(year) - i64::from(facets.first_year))
                    .clamp(0, facets.year_count() as i64) as usize
            };
            let from = filters.year_from.map_or(0, slot);
            let to = filters
                .year_to
                .map_or(facets.year_count(), |y| slot(y.saturating_add(1)));
            let mut pass = Bitset::empty(len);
            if from < to {
                let range = facets.year_starts[from] as usize..facets.year_starts[to] as usize;
                pass.insert_all(&index.by_date[range]);
            }
            passes.push((YEAR, pass));
        }
        Self {
            passes,
            institution_names: filters.institutions.clone(),
        }
    }
}

/// The records of `base` (the text matches; `None` for all records) passing every filter except
/// the one at `skip` (none skipped: the hits); `None` means all records.
pub(crate) fn passing(
    selection: &Selection,
    base: Option<Bitset>,
    skip: Option<usize>,
) -> Option<Bitset> {
    let mut set = base;
    for (at, (_, pass)) in selection.passes.iter().enumerate() {
        if Some(at) != skip {
            match &mut set {
                Some(set) => set.intersect_with(pass),
                None => set = Some(pass.clone()),
            }
        }
    }
    set
}

/// Counts every facet over the records of `base` (the text matches; `None` for all records)
/// that pass the filters, each facet ignoring its own.
pub(crate) fn tally(index: &SearchIndex, selection: &Selection, base: Option<Bitset>) -> Tally {
    let facets = &index.facets;
    let passing = |skip: Option<usize>| passing(selection, base.clone(), skip);
    let hits = passing(None);
    let mut counts = facets.zero_counts(index);
    let active = selection
        .passes
        .iter()
        .fold(0, |mask, (facet, _)| mask | facet);
    let mut count = |set: &Option<Bitset>, which: u8| {
        let which = which & !facets.empty;
        match set {
            _ if which == 0 => {}
            None => counts.copy(&facets.all, which),
            // Most records match: count the few that do not, and take them from the totals.
            Some(set) if set.len() > index.len() / 2 => {
                counts.copy(&facets.all, which);
                let mut rest = Bitset::full(index.len());
                rest.subtract(set);
                counts.add_set(index, facets.first_year, &rest, which, u32::MAX);
            }
            Some(set) => counts.add_set(index, facets.first_year, set, which, 1),
        }
    };
    count(&hits, ALL & !active);
    for (at, &(facet, _)) in selection.passes.iter().enumerate() {
        count(&passing(Some(at)), facet);
    }
    Tally {
        facets: Facets {
            approaches: Approach::ALL
                .iter()
                .map(|&a| (a, counts.approaches[a as usize]))
                .collect(),
            cancer_types: CancerType::ALL
                .iter()
                .map(|&c| (c, counts.cancer_types[c as usize]))
                .collect(),
            stages: Stage::ALL
                .iter()
                .map(|&s| (s, counts.stages[s as usize]))
                .collect(),
            outcomes: Outcome::ALL
                .iter()
                .map(|&o| (o, counts.outcomes[o as usize + 1]))
                .collect(),
            regulators: Regulator::ALL
                .iter()
                .map(|&r| (r, counts.regulators[r as usize + 1]))
                .collect(),
            institutions: institution_counts(index, selection, &counts.institutions),
        },
        histogram: counts
            .years
            .iter()
            .enumerate()
            .filter(|&(_, &count)| count > 0)
            .map(|(offset, &count)| (facets.first_year + offset as i32, count))
            .collect(),
    }
}

/// Institutions with records, and the selected ones even without: most records first, then by
/// name.
fn institution_counts(
    index: &SearchIndex,
    selection: &Selection,
    counts: &[u32],
) -> Vec<(String, u32)> {
    let mut listed: Vec<(String, u32)> = counts
        .iter()
        .enumerate()
        .filter(|&(_, &count)| count > 0)
        .map(|(id, &count)| (index.inst_names[id].clone(), count))
        .collect();
    for name in &selection.institution_names {
        let count = index
            .inst_by_name
            .get(name)
            .map_or(0, |&id| counts[id as usize]);
        if count == 0 && !listed.iter().any(|(listed, _)| listed == name) {
            listed.push((name.clone(), 0));
        }
    }
    crate::order::sort_by(&mut listed, |a, b| {
        b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
    });
    listed
}
