//! Filters and facet counts.
//!
//! The usual faceted-search rule: a facet's counts honour the text and every other selection,
//! but not its own, so selecting another value of it shows what it would add. The year range is
//! a filter like the others, and the histogram is its "facet". Each active filter becomes a set
//! of passing records (from per-value sets built with the index); a facet is then counted over
//! the intersection of the text matches with the *other* filters' sets. Over the whole index
//! the counts are precomputed, so the first screen and one-filter views cost almost nothing.

use super::bitset::Bitset;
use super::index::{NO_YEAR, Record};
use super::{Facets, Filters, SearchIndex};
use crate::data::{Approach, CancerType, Stage};

/// The facets, as bits of a mask.
const APPROACH: u8 = 1;
const CANCER_TYPE: u8 = 2;
const STAGE: u8 = 4;
const INSTITUTION: u8 = 8;
const YEAR: u8 = 16;
const ALL: u8 = 31;

/// Per-value record sets and whole-index counts, built with the index.
#[derive(Clone, Debug, Default)]
pub(crate) struct FacetIndex {
    approaches: Vec<Bitset>,
    cancer_types: Vec<Bitset>,
    stages: Vec<Bitset>,
    /// Records of institution `i` are `inst_docs[inst_starts[i]..inst_starts[i + 1]]`.
    inst_starts: Vec<u32>,
    inst_docs: Vec<u32>,
    first_year: i32,
    /// Records dated in year `first_year + y` are `by_date[year_starts[y]..year_starts[y + 1]]`.
    year_starts: Vec<u32>,
    all: Counts,
}

/// Counts per facet value.
#[derive(Clone, Debug, Default)]
struct Counts {
    approaches: [u32; 32],
    cancer_types: [u32; 32],
    stages: [u32; 32],
    institutions: Vec<u32>,
    /// Per year from `FacetIndex::first_year`.
    years: Vec<u32>,
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
    /// The records passing the text and every filter; `None` means all records.
    pub hits: Option<Bitset>,
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
        for (doc, record) in index.records.iter().enumerate() {
            let doc = doc as u32;
            for_bits(record.approaches, |bit| approaches[bit].insert(doc));
            for_bits(record.cancer_types, |bit| cancer_types[bit].insert(doc));
            stages[usize::from(record.stage)].insert(doc);
        }
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); index.inst_names.len()];
        for doc in 0..len as u32 {
            for &id in index.institutions_of(doc) {
                lists[id as usize].push(doc);
            }
        }
        let mut inst_starts = vec![0];
        inst_starts.extend(lists.iter().scan(0, |end, list| {
            *end += list.len() as u32;
            Some(*end)
        }));
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
            inst_starts,
            inst_docs: lists.concat(),
            first_year,
            year_starts,
            all: Counts::default(),
        };
        let mut all = Counts::new(index, &facets);
        all.add_set(index, &facets, &Bitset::full(len), ALL, 1);
        facets.all = all;
        facets
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
        if !filters.institutions.is_empty() {
            let mut pass = Bitset::empty(len);
            for name in &filters.institutions {
                if let Some(&id) = index.inst_by_name.get(name) {
                    let range = facets.inst_starts[id as usize] as usize
                        ..facets.inst_starts[id as usize + 1] as usize;
                    pass.insert_all(&facets.inst_docs[range]);
                }
            }
            passes.push((INSTITUTION, pass));
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

/// Filters `base` (the text matches; `None` for all records) and counts every facet.
pub(crate) fn tally(index: &SearchIndex, selection: &Selection, base: Option<Bitset>) -> Tally {
    let facets = &index.facets;
    // The records passing everything except the filter at `skip` (none skipped: the hits).
    let passing = |skip: Option<usize>| -> Option<Bitset> {
        let mut set = base.clone();
        for (at, (_, pass)) in selection.passes.iter().enumerate() {
            if Some(at) != skip {
                match &mut set {
                    Some(set) => set.intersect_with(pass),
                    None => set = Some(pass.clone()),
                }
            }
        }
        set
    };
    let hits = passing(None);
    let mut counts = Counts::new(index, facets);
    let active = selection
        .passes
        .iter()
        .fold(0, |mask, (facet, _)| mask | facet);
    let mut count = |set: &Option<Bitset>, which: u8| match set {
        None => counts.copy(&facets.all, which),
        // Most records match: count the few that do not, and take them from the totals.
        Some(set) if set.len() > index.len() / 2 => {
            counts.copy(&facets.all, which);
            let mut rest = Bitset::full(index.len());
            rest.subtract(set);
            counts.add_set(index, facets, &rest, which, u32::MAX);
        }
        Some(set) => counts.add_set(index, facets, set, which, 1),
    };
    count(&hits, ALL & !active);
    for (at, &(facet, _)) in selection.passes.iter().enumerate() {
        count(&passing(Some(at)), facet);
    }
    Tally {
        hits,
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

impl Counts {
    fn new(index: &SearchIndex, facets: &FacetIndex) -> Self {
        Self {
            institutions: vec![0; index.inst_names.len()],
            years: vec![0; facets.year_count()],
            ..Self::default()
        }
    }

    /// Copies the facets in `which` from `from`.
    fn copy(&mut self, from: &Counts, which: u8) {
        if which & APPROACH != 0 {
            self.approaches = from.approaches;
        }
        if which & CANCER_TYPE != 0 {
            self.cancer_types = from.cancer_types;
        }
        if which & STAGE != 0 {
            self.stages = from.stages;
        }
        if which & INSTITUTION != 0 {
            self.institutions.clone_from(&from.institutions);
        }
        if which & YEAR != 0 {
            self.years.clone_from(&from.years);
        }
    }

    /// Adds `step` (1, or `u32::MAX` to take away) for each record in `set` to the counts of
    /// the facets `which` names. (The loop indexes slices, not vectors: at `opt-level = "z"` a
    /// vector's indexing is a function call.)
    fn add_set(
        &mut self,
        index: &SearchIndex,
        facets: &FacetIndex,
        set: &Bitset,
        which: u8,
        step: u32,
    ) {
        let records: &[Record] = &index.records;
        let (inst_starts, inst_ids): (&[u32], &[u32]) = (&index.inst_starts, &index.inst_ids);
        let institutions: &mut [u32] = &mut self.institutions;
        let years: &mut [u32] = &mut self.years;
        let (approaches, cancer_types, stages) = (
            &mut self.approaches,
            &mut self.cancer_types,
            &mut self.stages,
        );
        let first_year = facets.first_year;
        set.for_each(|doc| {
            let record = &records[doc as usize];
            if which & APPROACH != 0 {
                for_bits(record.approaches, |bit| {
                    approaches[bit] = approaches[bit].wrapping_add(step)
                });
            }
            if which & CANCER_TYPE != 0 {
                for_bits(record.cancer_types, |bit| {
                    cancer_types[bit] = cancer_types[bit].wrapping_add(step)
                });
            }
            if which & STAGE != 0 {
                let stage = &mut stages[usize::from(record.stage)];
                *stage = stage.wrapping_add(step);
            }
            if which & INSTITUTION != 0 {
                let range =
                    inst_starts[doc as usize] as usize..inst_starts[doc as usize + 1] as usize;
                for &id in &inst_ids[range] {
                    institutions[id as usize] = institutions[id as usize].wrapping_add(step);
                }
            }
            if which & YEAR != 0 && record.year != NO_YEAR {
                let year = &mut years[(i32::from(record.year) - first_year) as usize];
                *year = year.wrapping_add(step);
            }
        });
    }
}

#[inline(always)]
fn for_bits(mut mask: u32, mut visit: impl FnMut(usize)) {
    while mask != 0 {
        visit(mask.trailing_zeros() as usize);
        mask &= mask - 1;
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
